namespace Xinfang.Domain.Prevention;

public sealed record NamedCount(string Name, int Count);

public sealed record TopicTrend(string Topic, int Count, int Previous, int LastYear, decimal? ChangeRate, decimal? YearOnYearRate)
{
    public bool IsRising => Count > Previous || Count > LastYear;
}

/// <summary>The counts the database gives for one period of analysis; the analysis derives everything else from them.</summary>
public sealed record AnalysisCounts(
    IReadOnlyDictionary<string, int> ByTopic,
    IReadOnlyDictionary<string, int> ByTopicPrevious,
    IReadOnlyDictionary<string, int> ByTopicLastYear,
    IReadOnlyDictionary<string, int> ByUnit,
    IReadOnlyDictionary<RiskLevel, int> ByRisk,
    int Resolved,
    int Open);

public sealed record Analysis(
    DateOnly From,
    DateOnly To,
    int Total,
    IReadOnlyList<NamedCount> ByTopic,
    IReadOnlyList<NamedCount> ByUnit,
    IReadOnlyList<NamedCount> ByRisk,
    int New,
    int Resolved,
    int Open,
    IReadOnlyList<TopicTrend> Trends)
{
    public IReadOnlyList<TopicTrend> Rising => Trends.Where(t => t.IsRising).ToList();
}

/// <summary>
/// 分析研判 (《信访工作条例》第十三条第二款、第十四条第四项、第四十一条): a period's disputes by topic, unit and risk,
/// new against resolved, and the topics that rise against the previous period of the same length and against the
/// same period a year before.
/// </summary>
public static class LedgerAnalysis
{
    /// <summary>The period just before, of the same number of days.</summary>
    public static (DateOnly From, DateOnly To) Previous(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(-days), from.AddDays(-1));
    }

    /// <summary>The same dates a year before (29 February falls back to the 28th).</summary>
    public static (DateOnly From, DateOnly To) LastYear(DateOnly from, DateOnly to) => (from.AddYears(-1), to.AddYears(-1));

    public static Analysis Compose(DateOnly from, DateOnly to, AnalysisCounts counts)
    {
        var total = counts.ByTopic.Values.Sum();
        var topics = counts.ByTopic.Keys.Union(counts.ByTopicPrevious.Keys).Union(counts.ByTopicLastYear.Keys);
        var trends = topics
            .Select(t =>
            {
                var now = counts.ByTopic.GetValueOrDefault(t);
                var previous = counts.ByTopicPrevious.GetValueOrDefault(t);
                var lastYear = counts.ByTopicLastYear.GetValueOrDefault(t);
                return new TopicTrend(t, now, previous, lastYear, Rate(now, previous), Rate(now, lastYear));
            })
            .OrderByDescending(t => t.Count - t.Previous).ThenByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        return new Analysis(from, to, total, Sorted(counts.ByTopic), Sorted(counts.ByUnit),
            Enum.GetValues<RiskLevel>().Reverse().Select(r => new NamedCount(r.ToChinese(), counts.ByRisk.GetValueOrDefault(r))).ToList(),
            total, counts.Resolved, counts.Open, trends);
    }

    /// <summary>The change against a base, as a fraction (0.5 = +50%); none when there is no base to compare with.</summary>
    public static decimal? Rate(int now, int before) => before == 0 ? null : Math.Round((decimal)(now - before) / before, 4);

    private static List<NamedCount> Sorted(IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new NamedCount(c.Key, c.Value)).ToList();
}
