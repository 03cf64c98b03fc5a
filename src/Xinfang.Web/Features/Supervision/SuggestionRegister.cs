using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Supervision;

public sealed record SuggestionInput(string? Kind, Guid? TargetUnitId, IReadOnlyList<Guid>? MatterIds, string? Content, DateOnly? SentOn = null, DateOnly? FeedbackDueOn = null);

public sealed record SuggestionFeedbackInput(bool? Adopted, string? Note, DateOnly? On = null);

public sealed record SuggestionMatter(Guid Id, string Number);

public sealed record SuggestionView(Guid Id, string Kind, string KindName, Guid TargetUnitId, string? TargetUnitName, IReadOnlyList<SuggestionMatter> Matters,
                                    string Content, DateOnly SentOn, DateOnly FeedbackDueOn, Guid NoticeId, string Number, string CreatedBy,
                                    SuggestionState State, string StateName, bool? Adopted, string? FeedbackNote, DateOnly? FeedbackOn, string? FeedbackBy);

/// <summary>
/// The 三项建议 register (《信访工作条例》第四十条, API.md <c>/suggestions</c>): the bureau records a suggestion and its
/// 建议书 is issued through the notices module (numbered 阎信建〔年〕N号, its document stored) as a notice of the first
/// related matter; the receiving unit (or the bureau entering its letter) records the written feedback on adoption.
/// A unit sees the suggestions sent to it; the bureau all.
/// </summary>
public sealed class SuggestionRegister(XinfangDb db, Staff staff, ReferenceData reference, TimeProvider time)
{
    public const int MaxList = 500;

    private DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    public async Task<Result<SuggestionView>> CreateAsync(SuggestionInput input, CancellationToken cancellationToken = default)
    {
        if (!staff.IsBureau)
        {
            return Error.Forbidden("suggestion.forbidden", "三项建议由信访部门提出。");
        }

        var today = Today;
        var matterIds = (input.MatterIds ?? []).Distinct().ToList();
        var sentOn = input.SentOn ?? today;
        if (Suggestions.CheckNew(new SuggestionDraft(input.Kind, input.TargetUnitId, matterIds.Count, input.Content, sentOn, input.FeedbackDueOn), today) is { } refused)
        {
            return refused;
        }

        var current = await reference.CurrentAsync(cancellationToken);
        if (!current.Units.TryGetValue(input.TargetUnitId!.Value, out var target) || !target.IsActive)
        {
            return Error.Validation("suggestion.target-unknown", "建议送达的单位不存在或已停用。", "targetUnitId");
        }

        var kind = Suggestions.Parse(input.Kind)!.Value;
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var matters = await db.VisibleMatters(staff).AsNoTracking().Where(m => matterIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Number, m.Title }).ToDictionaryAsync(m => m.Id, cancellationToken);
        if (matterIds.FirstOrDefault(id => !matters.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            return Error.Validation("suggestion.matter-not-found", $"关联的信访事项 {missing} 不存在。", "matterIds");
        }

        var related = matterIds.Select(id => matters[id]).ToList();
        var bureau = current.Units.Values.Where(u => u.Kind == UnitKind.Bureau && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).First();
        const NoticeKind noticeKind = NoticeKind.SuggestionLetter;
        var sequence = await Counter.ReserveAsync(db, Numbering.NoticeScope(bureau, noticeKind, sentOn.Year), 1, cancellationToken);
        var feedbackDue = input.FeedbackDueOn!.Value;
        var fields = new Dictionary<string, string>
        {
            ["文书"] = noticeKind.ToChinese(),
            ["信访件编号"] = related[0].Number,
            ["事项"] = related[0].Title,
            ["发文单位"] = bureau.Name,
            ["责任单位"] = target.Name,
            ["建议类型"] = kind.ToChinese(),
            ["建议内容"] = input.Content!.Trim(),
            ["涉及事项"] = string.Join("、", related.Select(m => $"“{m.Title}”（{m.Number}）")) + (related.Count > 1 ? $"等{related.Count}件信访事项" : "信访事项"),
            ["反馈期限"] = ChineseText.LongDate(feedbackDue),
            ["法律依据"] = Suggestions.BasisOf(kind),
        };
        var notice = Notice.Issue(related[0].Id, new NoticeDraft(noticeKind, Recipient.Unit, target.Id, bureau.Id, fields),
            Numbering.NoticeNumber(bureau, noticeKind, sentOn.Year, sequence), sentOn, staff.UserName);
        var suggestion = new Suggestion
        {
            Id = Guid.CreateVersion7(), Kind = kind, TargetUnitId = target.Id, MatterIds = matterIds, Content = input.Content.Trim(), SentOn = sentOn,
            FeedbackDueOn = feedbackDue, NoticeId = notice.Id, Number = notice.Number, CreatedBy = staff.UserName,
        };
        db.Add(notice);
        db.Add(suggestion);
        await NoticeDocuments.WriteAsync(db, [notice], null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(suggestion, current, related.ToDictionary(m => m.Id, m => m.Number), today);
    }

    public async Task<Result<SuggestionView>> FeedbackAsync(Guid id, SuggestionFeedbackInput input, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var suggestion = await db.Set<Suggestion>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return Error.NotFound("suggestion.not-found", "该建议不存在。");
        }

        var on = input.On ?? today;
        if (Suggestions.CheckFeedback(suggestion.Adopted is not null, suggestion.TargetUnitId, staff.UnitId, staff.IsBureau, input.Adopted, input.Note,
                suggestion.SentOn, on, today) is { } refused)
        {
            return refused;
        }

        suggestion.Adopted = input.Adopted;
        suggestion.FeedbackNote = input.Note!.Trim();
        suggestion.FeedbackOn = on;
        suggestion.FeedbackBy = staff.UserName;
        suggestion.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await ViewsAsync(db.Set<Suggestion>().Where(s => s.Id == id), cancellationToken))[0];
    }

    public async Task<Result<IReadOnlyList<SuggestionView>>> ListAsync(string? kind, Guid? unitId, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Suggestion>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Suggestions.Parse(kind) is not { } k)
            {
                return Error.Validation("suggestion.kind-invalid", "建议类型应为 improve-work、improve-policy 或 accountability。", "kind");
            }

            query = query.Where(s => s.Kind == k);
        }

        if (!staff.IsBureau)
        {
            query = query.Where(s => s.TargetUnitId == staff.UnitId);
        }

        if (unitId is { } unit)
        {
            query = query.Where(s => s.TargetUnitId == unit);
        }

        return await ViewsAsync(query.OrderByDescending(s => s.SentOn).ThenByDescending(s => s.Number).Take(MaxList), cancellationToken);
    }

    private async Task<List<SuggestionView>> ViewsAsync(IQueryable<Suggestion> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.SelectMany(r => r.MatterIds).Distinct().ToList();
        var numbers = await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Number, cancellationToken);
        var current = await reference.CurrentAsync(cancellationToken);
        var today = Today;
        return rows.Select(r => View(r, current, numbers, today)).ToList();
    }

    private static SuggestionView View(Suggestion s, Reference current, IReadOnlyDictionary<Guid, string> numbers, DateOnly today)
    {
        var state = Suggestions.StateOf(s.Adopted, s.FeedbackDueOn, today);
        return new(s.Id, s.Kind.Code(), s.Kind.ToChinese(), s.TargetUnitId, current.Units.TryGetValue(s.TargetUnitId, out var u) ? u.Name : null,
            s.MatterIds.Select(id => new SuggestionMatter(id, numbers.GetValueOrDefault(id, ""))).ToList(), s.Content, s.SentOn, s.FeedbackDueOn,
            s.NoticeId, s.Number, s.CreatedBy, state, state.ToChinese(), s.Adopted, s.FeedbackNote, s.FeedbackOn, s.FeedbackBy);
    }
}
