using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Statistics;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Statistics;

public sealed record MonthPoint(int Month, string From, string To, int Count, int LastYear);

public sealed record UnitOverdue(string UnitId, string Unit, int Overdue, int Open);

/// <summary>The director's dashboard: the year's summary, volume by statistical month against last year, overdue per unit now.</summary>
public sealed record DashboardView(SummaryView Summary, int Year, IReadOnlyList<MonthPoint> Months, IReadOnlyList<UnitOverdue> OverdueByUnit, string AsOf);

public sealed class DashboardQuery(XinfangDb db, SummaryQuery summary, ReferenceData reference, StatisticsSettings settings)
{
    public async Task<DashboardView> RunAsync(StatPeriod period, CancellationToken ct = default)
    {
        var year = StatPeriod.OfYear(period.Year, settings.MonthClosingDay);
        var lastYear = year.YearBefore();
        var byDay = await db.Matters.AsNoTracking()
            .Where(m => (m.ReceivedOn >= year.From && m.ReceivedOn <= year.To) || (m.ReceivedOn >= lastYear.From && m.ReceivedOn <= lastYear.To))
            .GroupBy(m => m.ReceivedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        int In(StatPeriod p) => byDay.Where(d => d.Day >= p.From && d.Day <= p.To).Sum(d => d.Count);
        var months = year.Months().Select(m => new MonthPoint(m.Index, SummaryQuery.Date(m.From), SummaryQuery.Date(m.To), In(m), In(m.YearBefore()))).ToList();

        var today = summary.Today;
        var open = await db.Matters.AsNoTracking().Where(m => m.NextDueOn != Matter.NoDue)
            .GroupBy(m => m.UnitId ?? m.RegisteringUnitId)
            .Select(g => new { Unit = g.Key, Open = g.Count(), Overdue = g.Count(m => m.NextDueOn < today) }).ToListAsync(ct);
        var units = (await reference.CurrentAsync(ct)).Units;
        var overdue = open.Where(o => o.Overdue > 0)
            .Select(o => new UnitOverdue(o.Unit.ToString(), units.TryGetValue(o.Unit, out var u) ? u.Name : "（已删除单位）", o.Overdue, o.Open))
            .OrderByDescending(o => o.Overdue).ThenBy(o => o.Unit, StringComparer.Ordinal).ToList();
        return new DashboardView(await summary.RunAsync(period, ct), period.Year, months, overdue, SummaryQuery.Date(today));
    }
}
