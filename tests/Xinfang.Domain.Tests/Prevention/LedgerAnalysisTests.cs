using Xinfang.Domain.Prevention;

namespace Xinfang.Domain.Tests.Prevention;

/// <summary>分析研判: periods to compare with, rates, and the order of what the report lists.</summary>
public sealed class LedgerAnalysisTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-01", "2026-10-31", "2026-08-31", "2026-09-30")]
    [InlineData("2026-11-20", "2026-11-20", "2026-11-19", "2026-11-19")]
    [InlineData("2026-01-01", "2026-03-31", "2025-10-03", "2025-12-31")]
    public void The_previous_period_has_the_same_number_of_days_and_ends_the_day_before(string from, string to, string prevFrom, string prevTo) =>
        Assert.Equal((D(prevFrom), D(prevTo)), LedgerAnalysis.Previous(D(from), D(to)));

    [Theory]
    [InlineData("2026-10-01", "2026-10-31", "2025-10-01", "2025-10-31")]
    [InlineData("2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28")]
    public void Last_year_is_the_same_dates_with_29_February_falling_back(string from, string to, string lastFrom, string lastTo) =>
        Assert.Equal((D(lastFrom), D(lastTo)), LedgerAnalysis.LastYear(D(from), D(to)));

    [Theory]
    [InlineData(15, 10, "0.5")]
    [InlineData(5, 10, "-0.5")]
    [InlineData(10, 10, "0")]
    [InlineData(1, 3, "-0.6667")]
    [InlineData(0, 4, "-1")]
    public void Rates_are_fractions_of_the_base_rounded_to_four_places(int now, int before, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LedgerAnalysis.Rate(now, before));

    [Fact]
    public void There_is_no_rate_without_a_base() => Assert.Null(LedgerAnalysis.Rate(7, 0));

    [Fact]
    public void Compose_sorts_counts_orders_trends_by_growth_and_lists_risks_from_major_down()
    {
        var counts = new AnalysisCounts(
            new Dictionary<string, int> { ["欠薪"] = 6, ["冬季供暖"] = 10, ["物业"] = 6, ["邻里纠纷"] = 0 },
            new Dictionary<string, int> { ["欠薪"] = 8, ["冬季供暖"] = 4, ["环境污染"] = 3 },
            new Dictionary<string, int> { ["物业"] = 2 },
            new Dictionary<string, int> { ["西关街道"] = 3, ["新城街道"] = 19 },
            new Dictionary<RiskLevel, int> { [RiskLevel.Low] = 12, [RiskLevel.High] = 10 },
            Resolved: 9, Open: 13);

        var analysis = LedgerAnalysis.Compose(D("2026-10-01"), D("2026-10-31"), counts);

        Assert.Equal((22, 22, 9, 13), (analysis.Total, analysis.New, analysis.Resolved, analysis.Open));
        Assert.Equal([new("冬季供暖", 10), new("欠薪", 6), new NamedCount("物业", 6)], analysis.ByTopic);
        Assert.Equal([new("新城街道", 19), new NamedCount("西关街道", 3)], analysis.ByUnit);
        Assert.Equal([new("重大", 0), new("高", 10), new("中", 0), new NamedCount("低", 12)], analysis.ByRisk);
        Assert.Equal(["冬季供暖", "物业", "邻里纠纷", "欠薪", "环境污染"], analysis.Trends.Select(t => t.Topic));
        // 欠薪 fell against the previous period but rose against none a year before.
        Assert.Equal(["冬季供暖", "物业", "欠薪"], analysis.Rising.Select(t => t.Topic));
        Assert.Equal(new TopicTrend("环境污染", 0, 3, 0, -1m, null), analysis.Trends.Single(t => t.Topic == "环境污染"));
    }

    [Fact]
    public void An_empty_period_composes_to_zeros()
    {
        var none = new Dictionary<string, int>();
        var analysis = LedgerAnalysis.Compose(D("2026-10-01"), D("2026-10-31"), new AnalysisCounts(none, none, none, none, new Dictionary<RiskLevel, int>(), 0, 0));

        Assert.Equal(0, analysis.Total);
        Assert.Empty(analysis.ByTopic);
        Assert.Empty(analysis.Trends);
        Assert.Equal(4, analysis.ByRisk.Count);
    }
}
