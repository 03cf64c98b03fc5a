using Xinfang.Domain.Intake;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Statistics;

namespace Xinfang.Domain.Tests.Statistics;

public sealed class StatisticsDefinitionTests
{
    [Theory]
    [InlineData(697, 1059, "下降34.2%")]  // the bureau's own 2024 report
    [InlineData(2021, 2000, "上升1.1%")]  // 1.05 rounds half away from zero
    [InlineData(1979, 2000, "下降1.1%")]
    [InlineData(2000, 2000, "持平")]
    [InlineData(0, 0, "持平")]
    [InlineData(5, 0, "无可比数据")]
    [InlineData(8, 2, "上升300.0%")]
    public void Change_rates_are_written_as_officials_write_them(int now, int before, string words) =>
        Assert.Equal(words, ChangeRate.Words(now, before));

    [Fact]
    public void The_change_is_a_percentage_with_one_decimal_place()
    {
        Assert.Equal(-34.2m, ChangeRate.Percent(697, 1059));
        Assert.Null(ChangeRate.Percent(3, 0));
        Assert.Equal("-34.2%", ChangeRate.Signed(697, 1059));
        Assert.Equal("—", ChangeRate.Signed(1, 0));
    }

    [Fact]
    public void A_statistical_month_closing_on_the_25th_runs_from_the_26th_before()
    {
        var march = StatPeriod.Month(2024, 3, closingDay: 25);
        Assert.Equal((new DateOnly(2024, 2, 26), new DateOnly(2024, 3, 25)), (march.From, march.To));
        var year = StatPeriod.OfYear(2024, closingDay: 25);
        Assert.Equal((new DateOnly(2023, 12, 26), new DateOnly(2024, 12, 25)), (year.From, year.To));
        Assert.Equal(4, StatPeriod.MonthOf(new DateOnly(2024, 3, 26), 25).Index);
        Assert.Equal(3, StatPeriod.MonthOf(new DateOnly(2024, 3, 25), 25).Index);
        Assert.Equal(1, StatPeriod.MonthOf(new DateOnly(2024, 12, 26), 25).Index);
        Assert.Equal(2025, StatPeriod.MonthOf(new DateOnly(2024, 12, 26), 25).Year);

        var months = year.Months();
        Assert.Equal(12, months.Count);
        Assert.Equal(year.From, months[0].From);
        Assert.Equal(year.To, months[^1].To);
        Assert.All(months.Zip(months.Skip(1)), p => Assert.Equal(p.First.To.AddDays(1), p.Second.From)); // no gap, no overlap
    }

    [Fact]
    public void Periods_compare_with_the_year_before_and_the_period_before()
    {
        var q1 = StatPeriod.Quarter(2024, 1);
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (q1.From, q1.To));
        Assert.Equal((new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31)), (q1.Previous().From, q1.Previous().To));
        Assert.Equal(new DateOnly(2023, 1, 1), q1.YearBefore().From);
        var january = StatPeriod.Month(2024, 1);
        Assert.Equal((2023, 12), (january.Previous().Year, january.Previous().Index));
        Assert.Equal(new DateOnly(2023, 2, 28), StatPeriod.Month(2024, 2).YearBefore().To);
        var range = StatPeriod.Range(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 10));
        Assert.Equal((new DateOnly(2024, 2, 20), new DateOnly(2024, 2, 29)), (range.Previous().From, range.Previous().To));
        Assert.Equal("2024年第一季度", q1.Label);
    }

    [Fact]
    public void A_rate_without_a_cohort_is_none_not_zero()
    {
        var kpis = Indicators.Compute(new KpiCounts(0, 0, 3, 4, 2, 4, EvaluationCounts.None, new EvaluationCounts(2, 1, 0, 1, 1), 1, 2, 8));
        var rate = kpis.ToDictionary(k => k.Code);
        Assert.Null(rate[Indicators.TimelyAcceptance].Rate);
        Assert.Equal("—", rate[Indicators.TimelyAcceptance].Text);
        Assert.Equal(0.75m, rate[Indicators.UnitTimelyAcceptance].Rate);
        Assert.Equal("66.7%", rate[Indicators.UnitParticipation].Text);
        Assert.Equal(0.5m, rate[Indicators.UnitSatisfaction].Rate); // (0 满意 + 1 基本满意) / 2 已评价
        Assert.Equal(0.25m, rate[Indicators.OnlineShare].Rate);
        Assert.Equal(Definitions.Rates.Select(d => d.Code), kpis.Select(k => k.Code)); // every rate has its definition, in order
    }

    [Fact]
    public void The_annual_report_writes_the_figures_into_sentences()
    {
        var cells = new List<VolumeCell>
        {
            new(Channel.Letter, Purpose.Claim, "labour", null, null, 400, 400, 20),
            new(Channel.Visit, Purpose.Claim, "urban", null, null, 200, 450, 10),
            new(Channel.Online, Purpose.Suggestion, "labour", null, null, 97, 97, 0),
        };
        var volume = Volume.Compose(cells, c => c == "labour" ? "劳动和社会保障" : "城乡建设", _ => "");
        var figures = new AnnualFigures(2024, volume, 1059, 12, 300, 4, 500, 30, 0, 0, new SuggestionFigures(false, 0, 0), [],
            new WorkFigures(14, 193, 2, 800, 40, 56, 120, 100, 3, 17));
        var text = string.Join("\n", AnnualReport.Compose(figures, "阎良区信访局").Paragraphs);
        Assert.Contains("2024年受理信访总量为697件(批)，同比下降34.2%（2023年为1059件(批)）", text, StringComparison.Ordinal);
        Assert.Contains("其中来信400件，来访200批450人次，网上信访97件", text, StringComparison.Ordinal);
        Assert.Contains("劳动和社会保障（497件，占71.3%）", text, StringComparison.Ordinal);
        Assert.Contains("全年开展业务培训14场次、193人次，开展宣传活动2场、受众800人次；律师坐班40天，接待群众56人次。", text, StringComparison.Ordinal);
        Assert.Contains("排查矛盾纠纷120件，化解100件，转为信访事项3件，年末尚有17件正在化解。", text, StringComparison.Ordinal);
        Assert.Contains("尚未启用三项建议登记", text, StringComparison.Ordinal);
    }
}
