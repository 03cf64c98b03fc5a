using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

/// <summary>The body of <c>POST /matters/{id}/repeat-links</c>: the earlier matter and the decision, <c>confirmed</c> or <c>dismissed</c>.</summary>
public sealed record RepeatLinkInput(Guid EarlierMatterId, RepeatDecision Decision, string? Note = null);

public sealed record RepeatLinkView(Guid Id, Guid MatterId, string MatterNumber, Guid EarlierMatterId, string EarlierNumber, RepeatDecision Decision,
                                    double Score, IReadOnlyList<string> Reasons, bool AfterConclusion, string? Note, string By, DateTime At);

/// <summary>
/// The registrar's confirm or dismiss of a suggested repeat (issue 14). Both are recorded as a <see cref="RepeatLink"/>
/// (and in the audit trail through the save); a confirmation also sets <see cref="Matter.RepeatOfId"/>, counts the
/// repeat on the earlier matter and marks 办理后仍重复信访 when it was concluded (<see cref="RepeatLinking"/>).
/// Registrars and supervisors decide, over matters they can see and whose petitioners they may know.
/// </summary>
public sealed class RepeatLinks(XinfangDb db, Staff staff, RepeatFinder finder, TimeProvider time)
{
    public const int MaxNote = 500;

    public async Task<Result<RepeatLinkView>> DecideAsync(Guid id, RepeatLinkInput input, CancellationToken cancellationToken)
    {
        if (!staff.Has(Roles.Registrar) && !staff.Has(Roles.Supervisor))
        {
            return Error.Forbidden("repeat.forbidden", "只有登记员或督查员可以确认或排除重复信访。");
        }

        if (input.Note is { Length: > MaxNote })
        {
            return Error.Validation("repeat.note-too-long", $"说明不能超过 {MaxNote} 个字。", "note");
        }

        if (!Enum.IsDefined(input.Decision))
        {
            return Error.Validation("repeat.decision-invalid", "请选择“确认”或“排除”。", "decision");
        }

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var visible = db.VisibleMatters(staff).Where(Confidentiality.IdentityVisibleTo(staff.Actor));
        var matter = await visible.Include(m => m.Petitioners).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null || !await visible.AnyAsync(m => m.Id == input.EarlierMatterId, cancellationToken))
        {
            return Error.NotFound("matter.not-found", "该信访事项不存在，或不在您的查看范围内。");
        }

        // The evidence as shown now, kept with the decision; a pair no longer suggested is still decided as asked.
        var shown = (await finder.ForAsync(matter, cancellationToken)).FirstOrDefault(c => c.MatterId == input.EarlierMatterId)?.ToCandidate();
        var at = time.GetUtcNow().UtcDateTime;
        Result<RepeatLink> decided = input.Decision == RepeatDecision.Confirmed
            ? await ConfirmAsync(db, matter, input.EarlierMatterId, shown, input.Note, staff.UserName, at, cancellationToken)
            : await DismissAsync(matter, input.EarlierMatterId, shown, input.Note, at, cancellationToken);
        if (!decided.TryGet(out var link, out var error))
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await ListAsync(id, cancellationToken)).Value.Single(l => l.Id == link.Id);
    }

    /// <summary>Links <paramref name="matter"/> (tracked) to the root of <paramref name="earlierId"/>'s chain and records it; nothing is saved.</summary>
    public static async Task<Result<RepeatLink>> ConfirmAsync(XinfangDb db, Matter matter, Guid earlierId, RepeatCandidate? shown, string? note, string by,
                                                              DateTime at, CancellationToken cancellationToken)
    {
        var main = await db.Matters.SingleOrDefaultAsync(m => m.Id == earlierId, cancellationToken);
        for (var hops = 0; main?.RepeatOfId is { } up && hops < 20; hops++)
        {
            main = await db.Matters.SingleOrDefaultAsync(m => m.Id == up, cancellationToken);
        }

        if (main is null)
        {
            return Error.NotFound("matter.not-found", "标记为重复件的原事项不存在。");
        }

        if (!RepeatLinking.Confirm(matter, main).TryGet(out var afterConclusion, out var refused))
        {
            return refused;
        }

        var link = await db.Set<RepeatLink>().SingleOrDefaultAsync(l => l.MatterId == matter.Id && l.EarlierMatterId == main.Id, cancellationToken);
        if (link is null)
        {
            link = new RepeatLink { Id = Guid.CreateVersion7(), MatterId = matter.Id, EarlierMatterId = main.Id };
            db.Add(link);
        }

        Fill(link, RepeatDecision.Confirmed, shown, note, by, at);
        link.AfterConclusion = afterConclusion;
        return link;
    }

    private async Task<Result<RepeatLink>> DismissAsync(Matter matter, Guid earlierId, RepeatCandidate? shown, string? note, DateTime at,
                                                        CancellationToken cancellationToken)
    {
        if (matter.RepeatOfId == earlierId)
        {
            return Error.Conflict("repeat.confirmed", "已确认为重复件", "这两件事项已确认为重复信访，不能再排除。");
        }

        var link = await db.Set<RepeatLink>().SingleOrDefaultAsync(l => l.MatterId == matter.Id && l.EarlierMatterId == earlierId, cancellationToken);
        if (link is not null)
        {
            return Error.Conflict("repeat.already-dismissed", "已排除", "这两件事项已排除为非重复信访。");
        }

        link = new RepeatLink { Id = Guid.CreateVersion7(), MatterId = matter.Id, EarlierMatterId = earlierId };
        db.Add(link);
        Fill(link, RepeatDecision.Dismissed, shown, note, staff.UserName, at);
        return link;
    }

    private static void Fill(RepeatLink link, RepeatDecision decision, RepeatCandidate? shown, string? note, string by, DateTime at)
    {
        link.Decision = decision;
        link.Score = shown?.Score ?? 0;
        link.Reasons = [.. shown?.Reasons ?? []];
        link.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        link.By = by;
        link.At = at;
    }

    /// <summary>Decisions on the matter either way (it repeats, or is repeated by), between matters the caller can see.</summary>
    public async Task<Result<IReadOnlyList<RepeatLinkView>>> ListAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = db.VisibleMatters(staff).Where(Confidentiality.IdentityVisibleTo(staff.Actor));
        if (!await db.VisibleMatters(staff).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Error.NotFound("matter.not-found", "该信访事项不存在，或不在您的查看范围内。");
        }

        var rows = await db.Set<RepeatLink>().AsNoTracking()
            .Where(l => (l.MatterId == id || l.EarlierMatterId == id) && visible.Any(m => m.Id == l.MatterId) && visible.Any(m => m.Id == l.EarlierMatterId))
            .Join(db.Matters, l => l.MatterId, m => m.Id, (l, m) => new { Link = l, m.Number })
            .Join(db.Matters, x => x.Link.EarlierMatterId, m => m.Id, (x, m) => new { x.Link, x.Number, Earlier = m.Number })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Link.At).ThenByDescending(r => r.Link.Id)
            .Select(r => new RepeatLinkView(r.Link.Id, r.Link.MatterId, r.Number, r.Link.EarlierMatterId, r.Earlier, r.Link.Decision, Math.Round(r.Link.Score, 2),
                r.Link.Reasons, r.Link.AfterConclusion, r.Link.Note, r.Link.By, r.Link.At))
            .ToList();
    }
}
