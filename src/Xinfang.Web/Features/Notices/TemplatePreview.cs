using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Notices;

public sealed record PreviewInput(string? Title, string? Addressee, string? Body, string? MatterNumber);

public sealed record PreviewView(string Html, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Missing, string? MatterNumber, string Source);

/// <summary>
/// The live preview of a template being edited: the wording filled with a real notice of its kind — on the matter the
/// administrator names, otherwise the latest one issued — so that a field the matter's state does not carry shows as a
/// blank before the wording is saved. An accuser's name is masked for whoever may not know it, and every preview on a
/// named matter is written to the audit trail.
/// </summary>
public sealed class TemplatePreview(XinfangDb db, Staff staff)
{
    public async Task<Result<PreviewView>> PreviewAsync(string key, PreviewInput input, CancellationToken cancellationToken = default)
    {
        var text = new NoticeTemplateText(input.Title?.Trim() ?? "", input.Addressee?.Trim() ?? "", input.Body?.Trim() ?? "");
        if (NoticeTemplates.Check(key, text) is { } invalid)
        {
            return invalid;
        }

        var kind = NoticeFields.KindOf(key) ?? (key == NoticeFields.DeliveryReceipt ? null : (NoticeKind?)null);
        var notices = db.Set<Notice>().AsNoTracking()
            .Join(db.Matters, n => n.MatterId, m => m.Id, (n, m) => new { Notice = n, m.Number, m.Purpose, m.ReferredToUnitId });
        var wanted = input.MatterNumber?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            notices = notices.Where(x => x.Number == wanted);
        }

        var sample = kind is { } k
            ? await notices.Where(x => x.Notice.Kind == k).OrderByDescending(x => x.Notice.IssuedOn).ThenByDescending(x => x.Notice.Id).FirstOrDefaultAsync(cancellationToken)
            : key == NoticeFields.DeliveryReceipt
                ? await notices.Where(x => x.Notice.Kind != NoticeKind.Receipt).OrderByDescending(x => x.Notice.IssuedOn).ThenByDescending(x => x.Notice.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
        if (!string.IsNullOrEmpty(wanted) && sample is null && (kind is not null || key == NoticeFields.DeliveryReceipt))
        {
            return Error.Validation("template.preview-matter-not-found", $"信访件 {wanted} 没有这类文书，无法预览；请换一件已出具该文书的事项，或留空使用最近一份。", "matterNumber");
        }

        Dictionary<string, string> fields;
        string source;
        if (sample is null)
        {
            fields = NoticeFields.For(key).ToDictionary(f => f, f => $"【{f}】");
            source = "示例字段";
        }
        else
        {
            fields = new Dictionary<string, string>(NoticeDocuments.FieldsOf(sample.Notice))
            {
                ["送达文书"] = sample.Notice.Kind.ToChinese(),
                ["送达文号"] = sample.Notice.Number,
            };
            if (sample.Notice.Recipient == Recipient.Petitioner && !Confidentiality.MaySeeIdentity(sample.Purpose, sample.ReferredToUnitId, staff.Actor))
            {
                fields["信访人"] = "（检举控告人信息保密）";
            }

            source = $"{sample.Notice.Kind.ToChinese()} {sample.Notice.Number}";
            if (!string.IsNullOrEmpty(wanted))
            {
                db.RecordView("Notice", sample.Notice.Id.ToString(), $"以 {sample.Number} 的{source}预览文书模板 {key}");
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var document = NoticeDocuments.Compose(text, fields);
        var filled = NoticeTemplates.Fill(text, fields);
        return new PreviewView(HtmlWriter.Sheet(document), document.Title, document.Paragraphs, filled.Missing, sample?.Number, source);
    }
}
