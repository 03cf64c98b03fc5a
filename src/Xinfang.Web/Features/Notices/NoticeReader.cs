using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Notices;

public sealed record NoticeDetail(Guid Id, NoticeKind Kind, string KindLabel, string Number, Guid MatterId, string MatterNumber, DateOnly IssuedOn,
                                  DateOnly? DeliveredOn, DeliveryMethod? DeliveryMethod, IReadOnlyDictionary<string, string> Fields, string Sha256,
                                  string DocumentSha256, int TemplateVersion, string TemplateKey);

/// <summary>
/// Reads issued notices under the rules of their matter: only staff who see the matter see its notices, and a notice
/// addressed to the petitioner of an accusation names the accuser, so only those who may know the accuser open it
/// (第三十条第三款): the accused unit never receives a document naming them.
/// </summary>
public sealed class NoticeReader(XinfangDb db, Staff staff)
{
    private sealed record Row(Notice Notice, string MatterNumber, Domain.Intake.Purpose Purpose, Guid? ReferredTo);

    public async Task<Result<NoticeDetail>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await FindAsync(id, cancellationToken)).TryGet(out var row, out var error))
        {
            return error;
        }

        await EnsureDocumentAsync(row.Notice, cancellationToken);
        var document = await db.Set<NoticeDocument>().AsNoTracking().Where(d => d.NoticeId == id)
            .Join(db.Set<NoticeTemplateRecord>(), d => d.TemplateId, t => t.Id, (d, t) => new { d.Sha256, t.Version, t.Key })
            .SingleAsync(cancellationToken);
        var n = row.Notice;
        return new NoticeDetail(n.Id, n.Kind, n.Kind.ToChinese(), n.Number, n.MatterId, row.MatterNumber, n.IssuedOn, n.DeliveredOn, n.DeliveryMethod,
            NoticeDocuments.FieldsOf(n), n.Sha256, document.Sha256, document.Version, document.Key);
    }

    /// <summary>The Word file as issued: the stored bytes, the same on every download.</summary>
    public async Task<Result<(Notice Notice, byte[] Content)>> DocxAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await FindAsync(id, cancellationToken)).TryGet(out var row, out var error))
        {
            return error;
        }

        await EnsureDocumentAsync(row.Notice, cancellationToken);
        var content = await db.Set<NoticeDocument>().AsNoTracking().Where(d => d.NoticeId == id).Select(d => d.Content).SingleAsync(cancellationToken);
        return (row.Notice, content);
    }

    /// <summary>The text of the notice as issued: its fields in the template version it was written with.</summary>
    public async Task<Result<(Notice Notice, OfficialDocument Document)>> DocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await FindAsync(id, cancellationToken)).TryGet(out var row, out var error))
        {
            return error;
        }

        await EnsureDocumentAsync(row.Notice, cancellationToken);
        var template = await db.Set<NoticeDocument>().AsNoTracking().Where(d => d.NoticeId == id)
            .Join(db.Set<NoticeTemplateRecord>(), d => d.TemplateId, t => t.Id, (d, t) => t)
            .SingleAsync(cancellationToken);
        return (row.Notice, NoticeDocuments.Compose(template.Text, NoticeDocuments.FieldsOf(row.Notice)));
    }

    /// <summary>The 送达回执 that accompanies a notice: a form filled from it, in the current wording.</summary>
    public async Task<Result<(Notice Notice, OfficialDocument Document)>> DeliveryReceiptAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await FindAsync(id, cancellationToken)).TryGet(out var row, out var error))
        {
            return error;
        }

        var template = await NoticeDocuments.CurrentTemplateAsync(db, [NoticeFields.DeliveryReceipt], cancellationToken)
            ?? throw new InvalidOperationException("The 送达回执 template is seeded on start.");
        var fields = new Dictionary<string, string>(NoticeDocuments.FieldsOf(row.Notice))
        {
            ["送达文书"] = row.Notice.Kind.ToChinese(),
            ["送达文号"] = row.Notice.Number,
        };
        return (row.Notice, NoticeDocuments.Compose(template.Text, fields) with { Number = null, Date = "" });
    }

    private async Task<Result<Row>> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<Notice>().AsNoTracking().Where(n => n.Id == id)
            .Join(db.VisibleMatters(staff), n => n.MatterId, m => m.Id, (n, m) => new Row(n, m.Number, m.Purpose, m.ReferredToUnitId))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Error.NotFound("notice.not-found", "文书不存在，或不在您的办理范围内。");
        }

        if (row.Notice.Recipient == Recipient.Petitioner && !Confidentiality.MaySeeIdentity(row.Purpose, row.ReferredTo, staff.Actor))
        {
            return Error.Forbidden("notice.identity-withheld", "该文书载有检举控告人的身份信息，依法保密，您无权查看（《信访工作条例》第三十条）。");
        }

        return row;
    }

    /// <summary>A notice the backfill has not reached yet gets its document now (<see cref="NoticeDocumentBackfill"/>).</summary>
    private async Task EnsureDocumentAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (!await db.Set<NoticeDocument>().AnyAsync(d => d.NoticeId == notice.Id, cancellationToken))
        {
            await NoticeDocuments.FillAsync(db, [notice], cancellationToken);
        }
    }
}
