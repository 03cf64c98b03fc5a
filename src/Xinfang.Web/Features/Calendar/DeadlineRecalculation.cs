using System.Text.Json;
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
public sealed class DeadlineRecalculation(XinfangDb db, ClockService clocks, TimeProvider time)
{
    private const int Chunk = 500;

    private sealed record Row(Guid Id, Guid MatterId, MatterStatus Status, string Code, DateOnly StartOn, int Days, PeriodKind Kind, bool RollForward,
                              int ExtraDays, int ExtensionDays, DateOnly DueOn, bool Provisional);

    private sealed record Moved(Row Row, DateOnly Due, bool Provisional);

    public async Task<RecalculationReport> RecalculateAsync(WorkCalendar calendar, int year, string because, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = await db.Set<Deadline>().AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.Days > 0 && (d.Provisional || d.StartOn <= last && d.DueOn >= first))
            .Join(db.Set<Matter>(), d => d.MatterId, m => m.Id, (d, m) =>
                new Row(d.Id, d.MatterId, m.Status, d.Code, d.StartOn, d.Days, d.Kind, d.RollForward, d.ExtraDays, d.ExtensionDays, d.DueOn, d.Provisional))
            .ToListAsync(cancellationToken);

        var rules = new Clocks(calendar, await clocks.LoadRulesAsync(cancellationToken));
        var memo = new Dictionary<(DateOnly, int, PeriodKind, bool, int, int), DueDate>();
        var moved = new List<Moved>();
        foreach (var row in rows)
        {
            var key = (row.StartOn, row.Days, row.Kind, row.RollForward, row.ExtraDays, row.ExtensionDays);
            if (!memo.TryGetValue(key, out var due))
            {
                var deadline = new Deadline(row.Id, row.Code, row.StartOn, row.Days, row.Kind, row.RollForward, 0, true, row.DueOn, row.Provisional);
                deadline.AddExtraDays(row.ExtraDays);
                deadline.Extend(row.ExtensionDays);
                memo[key] = due = rules.Due(deadline);
            }

            if (due.Due != row.DueOn || due.Provisional != row.Provisional)
            {
                moved.Add(new Moved(row, due.Due, due.Provisional));
            }
        }

        var at = time.GetUtcNow().UtcDateTime;
        var today = Domain.Shared.ChinaTime.DateOf(at);
        foreach (var group in moved.GroupBy(m => (m.Due, m.Provisional)))
        {
            foreach (var chunk in group.Chunk(Chunk))
            {
                var ids = chunk.Select(m => m.Row.Id).ToList();
                await db.Set<Deadline>().Where(d => ids.Contains(d.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueOn, group.Key.Due).SetProperty(d => d.Provisional, group.Key.Provisional), cancellationToken);
            }
        }

        var shifted = moved.Count(m => m.Due != m.Row.DueOn);
        var events = moved.Where(m => m.Due != m.Row.DueOn).Select(m => MatterEvent.Recalculated(m.Row.MatterId, m.Row.Status, today, at,
            db.Actor.Name, $"{Name(rules, m.Row.Code)}由 {m.Row.DueOn:yyyy-MM-dd} 调整为 {m.Due:yyyy-MM-dd}，因为{because}。",
            JsonSerializer.Serialize(new { code = m.Row.Code, from = m.Row.DueOn, to = m.Due }, MatterJson.Options)));
        db.AddRange(events);
        db.RecordEvent("deadlines-recalculated", "calendar", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{because}：检查 {rows.Count} 个未到期期限，调整 {shifted} 个，取消暂定 {moved.Count - shifted} 个。");
        await db.SaveChangesAsync(cancellationToken);
        return new RecalculationReport(rows.Count, shifted, moved.Count - shifted);
    }

    private static string Name(Clocks clocks, string code) => clocks.Rule(code).Name;
}
