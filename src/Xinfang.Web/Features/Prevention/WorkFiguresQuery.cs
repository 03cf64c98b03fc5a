using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Prevention;

/// <summary>
/// The district's <see cref="WorkFigures"/> for a period: the one definition the activities page and the annual report
/// (Statistics) both read, from the activity log and the ledger (<see cref="LedgerCounting"/>). Not unit-scoped: the
/// figures are the bureau's report of the whole district's work.
/// </summary>
public static class WorkFiguresQuery
{
    public static async Task<WorkFigures> ForAsync(XinfangDb db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var activities = db.Set<PreventionActivity>().AsNoTracking().Where(a => a.On >= from && a.On <= to);
        var kinds = await activities.GroupBy(a => a.Kind)
            .Select(g => new { g.Key, Count = g.Count(), Sessions = g.Sum(a => a.Sessions), Persons = g.Sum(a => a.Persons) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var dutyDays = await activities.Where(a => a.Kind == ActivityKind.LawyerDuty).Select(a => a.On).Distinct().CountAsync(cancellationToken);
        var items = db.Set<LedgerItem>().AsNoTracking();
        var training = kinds.GetValueOrDefault(ActivityKind.Training);
        var publicity = kinds.GetValueOrDefault(ActivityKind.Publicity);
        var duty = kinds.GetValueOrDefault(ActivityKind.LawyerDuty);
        return new WorkFigures(
            training?.Sessions ?? 0, training?.Persons ?? 0, publicity?.Count ?? 0, publicity?.Persons ?? 0, dutyDays, duty?.Persons ?? 0,
            await items.ScreenedIn(from, to).CountAsync(cancellationToken),
            await items.ClosedIn(LedgerStatus.Resolved, from, to).CountAsync(cancellationToken),
            await items.ClosedIn(LedgerStatus.BecamePetition, from, to).CountAsync(cancellationToken),
            await items.OpenAt(to).CountAsync(cancellationToken));
    }
}
