using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed record OpenItem(Guid Id, string Title, string Topic, string ResponsibleUnit, RiskLevel Risk, string RiskLabel, DateOnly ReportedOn, int DaysOpen);

public sealed record PetitionFromLedger(Guid ItemId, string ItemTitle, DateOnly On, IReadOnlyList<LinkedMatter> Matters);

public sealed record AnalysisView(
    DateOnly From, DateOnly To, int Total, IReadOnlyList<NamedCount> ByTopic, IReadOnlyList<NamedCount> ByUnit, IReadOnlyList<NamedCount> ByRisk,
    int New, int Resolved, int Open, IReadOnlyList<TopicTrend> Rising, IReadOnlyList<TopicTrend> Trends, IReadOnlyList<OpenItem> LongestOpen,
    int BecamePetitionCount, IReadOnlyList<PetitionFromLedger> BecamePetitions);

/// <summary>
/// What "resolved in a period", "open at a date" and the rest mean, once, for the analysis, the activities page and the
/// annual report: an item is screened on its reported date and closed on the date of the update that closed it.
/// </summary>
public static class LedgerCounting
{
    public static IQueryable<LedgerItem> ScreenedIn(this IQueryable<LedgerItem> items, DateOnly from, DateOnly to) =>
        items.Where(i => i.ReportedOn >= from && i.ReportedOn <= to);

    public static IQueryable<LedgerItem> ClosedIn(this IQueryable<LedgerItem> items, LedgerStatus status, DateOnly from, DateOnly to) =>
        items.Where(i => i.Status == status && i.ClosedOn >= from && i.ClosedOn <= to);

    public static IQueryable<LedgerItem> OpenAt(this IQueryable<LedgerItem> items, DateOnly day) =>
        items.Where(i => i.ReportedOn <= day && (i.ClosedOn == null || i.ClosedOn > day));
}

/// <summary>
/// 分析研判 of the ledger for a period, within the caller's scope: the database counts (GROUP BY over indexes only),
/// <see cref="LedgerAnalysis"/> derives the rest. Items count by their screening date; units by 责任单位.
/// </summary>
public sealed class LedgerAnalysisQuery(XinfangDb db, Staff staff, ReferenceData reference)
{
    public const int LongestOpenCount = 10;

    public static Error? CheckPeriod(DateOnly? from, DateOnly? to) =>
        from is null || to is null || to < from || to.Value.DayNumber - from.Value.DayNumber > 366 * 3
            ? Error.Validation("ledger.period-invalid", "请填写分析期间（from、to），截止日期不早于开始日期，且不超过三年。", "to")
            : null;

    public async Task<AnalysisView> RunAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var items = Ledger.VisibleTo(db, staff).AsNoTracking();
        var topics = await db.Set<LedgerTopic>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var units = (await reference.CurrentAsync(cancellationToken)).Units;

        async Task<Dictionary<string, int>> ByTopic(DateOnly f, DateOnly t) =>
            (await items.ScreenedIn(f, t).GroupBy(i => i.TopicId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => topics[x.Key], x => x.Count);

        var (previousFrom, previousTo) = LedgerAnalysis.Previous(from, to);
        var (lastYearFrom, lastYearTo) = LedgerAnalysis.LastYear(from, to);
        // One GROUP BY per dimension, each over its (column, reported_on) index: no sort of the period's entries
        // (see PreventionConfiguration for why not one GROUP BY over all three).
        var period = items.ScreenedIn(from, to);
        var byTopic = await ByTopic(from, to);
        var byUnit = (await period.GroupBy(i => i.ResponsibleUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(c => units.TryGetValue(c.Key, out var u) ? u.Name : "（未知单位）").ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var byRisk = await period.GroupBy(i => i.Risk).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
        var resolved = await items.ClosedIn(LedgerStatus.Resolved, from, to).CountAsync(cancellationToken);
        var openAtEnd = items.OpenAt(to);
        var open = await openAtEnd.CountAsync(cancellationToken);
        var counts = new AnalysisCounts(byTopic, await ByTopic(previousFrom, previousTo), await ByTopic(lastYearFrom, lastYearTo),
            byUnit, byRisk, resolved, open);
        var analysis = LedgerAnalysis.Compose(from, to, counts);

        var longest = (await openAtEnd.OrderBy(i => i.ReportedOn).ThenBy(i => i.Id).Take(LongestOpenCount)
                .Select(i => new { i.Id, i.Title, i.TopicId, i.ResponsibleUnitId, i.Risk, i.ReportedOn }).ToListAsync(cancellationToken))
            .Select(i => new OpenItem(i.Id, i.Title, topics[i.TopicId], units.TryGetValue(i.ResponsibleUnitId, out var u) ? u.Name : "", i.Risk,
                i.Risk.ToChinese(), i.ReportedOn, to.DayNumber - i.ReportedOn.DayNumber))
            .ToList();

        var became = items.ClosedIn(LedgerStatus.BecamePetition, from, to);
        var becameCount = await became.CountAsync(cancellationToken);
        var links = await became.OrderBy(i => i.ClosedOn).Take(100)
            .SelectMany(i => db.Set<LedgerItemMatter>().Where(l => l.ItemId == i.Id).DefaultIfEmpty(), (i, l) => new { i.Id, i.Title, i.ClosedOn, MatterId = l == null ? (Guid?)null : l.MatterId })
            .ToListAsync(cancellationToken);
        var matterIds = links.Where(l => l.MatterId != null).Select(l => l.MatterId!.Value).Distinct().ToList();
        var matters = await db.Matters.AsNoTracking().Where(m => matterIds.Contains(m.Id)).Select(m => new LinkedMatter(m.Id, m.Number, m.Title)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var petitions = links.GroupBy(l => (l.Id, l.Title, l.ClosedOn))
            .Select(g => new PetitionFromLedger(g.Key.Id, g.Key.Title, g.Key.ClosedOn!.Value,
                g.Where(l => l.MatterId is { } m && matters.ContainsKey(m)).Select(l => matters[l.MatterId!.Value]).ToList()))
            .ToList();

        return new AnalysisView(from, to, analysis.Total, analysis.ByTopic, analysis.ByUnit, analysis.ByRisk, analysis.New, analysis.Resolved, analysis.Open,
            analysis.Rising, analysis.Trends, longest, becameCount, petitions);
    }
}
