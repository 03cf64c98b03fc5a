using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

/// <summary><see cref="Moved"/> due dates changed; <see cref="Confirmed"/> kept their date and lost only the provisional mark.</summary>
public sealed record RecalculationReport(int Examined, int Moved, int Confirmed);

/// <summary>
/// When a year of the calendar is entered or corrected, every open deadline that looks at that year — and every
/// provisional one — is recomputed with the rule version it was opened under. Moved due dates are written in bulk
/// and each gets a line in its matter's history ("办理期限由 … 调整为 …，因为 …"). Runs inside the caller's transaction.
/// </summary>
/// <remarks>
/// Set-based, because a year's notice can touch every open deadline at once (100,000 in BENCHMARKS.md): a due date
/// depends only on (start, days, kind, roll-forward, extra and extension days), so the open deadlines are read as
/// groups of equal inputs — a few hundred groups, not 100,000 rows — and each group is computed once. A group whose
/// date moved is one INSERT … SELECT of history events (<see cref="RecalculationSql"/>) and one UPDATE; the
/// provisional marks, which usually all go, are cleared in a single pass. Loading every row, or one UPDATE per group
/// for the marks as well, made the benchmark 4–6 times slower: it rewrote the same table pages once per group.
/// </remarks>
public sealed class DeadlineRecalculation(XinfangDb db, TimeProvider time)
{
    private sealed record Group(string Code, DateOnly StartOn, int Days, PeriodKind Kind, bool RollForward, int ExtraDays, int ExtensionDays,
                                DateOnly DueOn, int Count, int Provisionals);

    public async Task<RecalculationReport> RecalculateAsync(WorkCalendar calendar, int year, string because, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var groups = await db.Set<Deadline>().AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.Days > 0 && (d.Provisional || d.StartOn <= last && d.DueOn >= first))
            .GroupBy(d => new { d.Code, d.StartOn, d.Days, d.Kind, d.RollForward, d.ExtraDays, d.ExtensionDays, d.DueOn })
            .Select(g => new Group(g.Key.Code, g.Key.StartOn, g.Key.Days, g.Key.Kind, g.Key.RollForward, g.Key.ExtraDays, g.Key.ExtensionDays,
                g.Key.DueOn, g.Count(), g.Count(d => d.Provisional)))
            .ToListAsync(cancellationToken);

        var rules = new DeadlineRules(calendar, await db.PeriodRulesAsync(cancellationToken));
        var results = groups.Select(g => (Group: g, Due: Recompute(rules, g))).ToList();
        var moved = results.Where(r => r.Due.Due != r.Group.DueOn).ToList();
        var stillProvisional = results.Where(r => r.Due.Provisional).ToList();
        var cleared = results.Where(r => !r.Due.Provisional).Sum(r => r.Group.Provisionals);

        // 1. The history, while the rows still carry their old due dates.
        var at = time.GetUtcNow().UtcDateTime;
        var today = Domain.Shared.ChinaTime.DateOf(at);
        var sql = new RecalculationSql(db);
        foreach (var (group, due) in moved)
        {
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{rules.Rule(group.Code).Name}由 {group.DueOn:yyyy-MM-dd} 调整为 {due.Due:yyyy-MM-dd}，因为{because}。");
            var details = new RecalculateDetails(group.Code, group.DueOn, due.Due).ToJson();
            await sql.InsertEventsAsync(Filter(group), today, at, db.Actor.Name, note, details, cancellationToken);
        }

        // 2. The new due dates. Rows with equal inputs always get equal results, so an update that also meets rows of
        //    another group (same inputs, a different stale date) still writes the right value.
        foreach (var (group, due) in moved)
        {
            await Match(group, group.DueOn).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueOn, due.Due).SetProperty(d => d.Provisional, due.Provisional), cancellationToken);
        }

        // 3. The other provisional marks. Every provisional open deadline was examined above, so the marks left are
        //    cleared in one pass over the table and put back on the (usually few) groups that still reach a year not held.
        if (cleared > 0)
        {
            await db.Set<Deadline>().Where(d => d.State == DeadlineState.Open && d.Provisional)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Provisional, false), cancellationToken);
            foreach (var (group, due) in stillProvisional)
            {
                await Match(group, due.Due).ExecuteUpdateAsync(s => s.SetProperty(d => d.Provisional, true), cancellationToken);
            }
        }
        else
        {
            foreach (var (group, due) in stillProvisional.Where(r => r.Group.Provisionals < r.Group.Count))
            {
                await Match(group, due.Due).ExecuteUpdateAsync(s => s.SetProperty(d => d.Provisional, true), cancellationToken);
            }
        }

        // 4. Each matter's next due date (Matter.NextDueOn), which the lists sort by, follows its deadlines: the same
        //    rule as Matter.RefreshNextDue, set-based over the matters with a recomputable duty clock.
        if (moved.Count > 0 || cleared > 0 || stillProvisional.Count > 0)
        {
            await Matters.NextDueRefresh.RefreshAsync(db.Matters.Where(m => m.Deadlines.Any(d => d.State == DeadlineState.Open && d.IsDuty && d.Days > 0)), cancellationToken);
        }

        var examined = groups.Sum(g => g.Count);
        var movedCount = moved.Sum(r => r.Group.Count);
        var confirmed = results.Where(r => r.Due.Due == r.Group.DueOn && !r.Due.Provisional).Sum(r => r.Group.Provisionals);
        db.RecordEvent("deadlines-recalculated", "calendar", year.ToString(CultureInfo.InvariantCulture),
            $"{because}：检查 {examined} 个未到期期限，调整 {movedCount} 个，取消暂定 {confirmed} 个。");
        await db.SaveChangesAsync(cancellationToken);
        return new RecalculationReport(examined, movedCount, confirmed);
    }

    // The open deadlines of one group: every input of the computation and the due date are equal. The provisional mark
    // is an output, so rows that differ only in it get the same result; leaving it out of the condition also lets the
    // database find the rows by (state, due_on), whereas (state, provisional) would match them all (SQLite chose it).
    // The same condition twice: for the SQL of the history events, and in LINQ for the updates (Match).
    private static List<(string, object?)> Filter(Group g) =>
    [
        (nameof(Deadline.State), DeadlineState.Open), (nameof(Deadline.Code), g.Code), (nameof(Deadline.StartOn), g.StartOn),
        (nameof(Deadline.Days), g.Days), (nameof(Deadline.Kind), g.Kind), (nameof(Deadline.RollForward), g.RollForward),
        (nameof(Deadline.ExtraDays), g.ExtraDays), (nameof(Deadline.ExtensionDays), g.ExtensionDays), (nameof(Deadline.DueOn), g.DueOn),
    ];

    private IQueryable<Deadline> Match(Group g, DateOnly dueOn) => db.Set<Deadline>().Where(d => d.State == DeadlineState.Open && d.Code == g.Code
        && d.StartOn == g.StartOn && d.Days == g.Days && d.Kind == g.Kind && d.RollForward == g.RollForward && d.ExtraDays == g.ExtraDays
        && d.ExtensionDays == g.ExtensionDays && d.DueOn == dueOn);

    private static DueDate Recompute(DeadlineRules rules, Group g)
    {
        var deadline = new Deadline(Guid.Empty, g.Code, g.StartOn, g.Days, g.Kind, g.RollForward, 0, true, g.DueOn, false);
        deadline.Reschedule(new Rescheduled(g.Code, g.DueOn, g.DueOn, false, "") { ExtensionDays = g.ExtensionDays, HearingDays = g.ExtraDays });
        return rules.Due(deadline);
    }
}
