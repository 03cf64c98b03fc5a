using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class DueExplanationTests
{
    private static IReadOnlyList<DueReason> Explain(string start, int days, PeriodKind kind, bool rollForward = true) =>
        Periods.Due(WorkCalendar.Shipped, D(start), days, kind, rollForward, explain: true).Explanation;

    [Fact]
    public void A_holiday_end_explains_each_national_day_rolled_over()
    {
        var explanation = Explain("2025-09-20", 15, PeriodKind.Calendar);

        Assert.Equal(
        [
            new DueReason(D("2025-09-20"), "起算日，当日不计入（《民法典》第二百零一条）"),
            new DueReason(D("2025-10-05"), "第 15 日，国庆节、中秋节假期，顺延（《民法典》第二百零三条）"),
            new DueReason(D("2025-10-06"), "国庆节、中秋节假期，顺延"),
            new DueReason(D("2025-10-07"), "国庆节、中秋节假期，顺延"),
            new DueReason(D("2025-10-08"), "国庆节、中秋节假期，顺延"),
            new DueReason(D("2025-10-09"), "顺延至此工作日，期限届满"),
        ], explanation);
    }

    [Fact]
    public void A_weekend_end_is_explained_by_its_weekday()
    {
        var explanation = Explain("2025-01-31", 30, PeriodKind.Calendar);

        Assert.Contains(new DueReason(D("2025-03-02"), "第 30 日，星期日，顺延（《民法典》第二百零三条）"), explanation);
        Assert.Equal(new DueReason(D("2025-03-03"), "顺延至此工作日，期限届满"), explanation[^1]);
    }

    [Fact]
    public void An_end_on_a_make_up_day_says_it_does_not_roll()
    {
        var explanation = Explain("2025-09-26", 15, PeriodKind.Calendar);

        Assert.Equal(new DueReason(D("2025-10-11"), "第 15 日，调休上班，不顺延，期限届满"), explanation[^1]);
    }

    [Fact]
    public void A_roll_onto_a_make_up_day_says_so()
    {
        var explanation = Explain("2023-09-20", 15, PeriodKind.Calendar);

        Assert.Equal(new DueReason(D("2023-10-07"), "调休上班，顺延至此日，期限届满"), explanation[^1]);
    }

    [Fact]
    public void Without_roll_forward_a_holiday_end_is_named_but_kept()
    {
        var explanation = Explain("2025-09-20", 15, PeriodKind.Calendar, rollForward: false);

        Assert.Equal(new DueReason(D("2025-10-05"), "第 15 日，国庆节、中秋节假期；未启用顺延，期限届满"), explanation[^1]);
    }

    [Fact]
    public void A_working_day_period_explains_each_skipped_day_and_each_make_up_day_counted()
    {
        var explanation = Explain("2025-09-26", 10, PeriodKind.Working);

        Assert.Equal(
        [
            new DueReason(D("2025-09-26"), "起算日，当日不计入（《民法典》第二百零一条）"),
            new DueReason(D("2025-09-27"), "星期六，不计入"),
            new DueReason(D("2025-09-28"), "调休上班，计入（第 1 个工作日）"),
            new DueReason(D("2025-10-01"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-02"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-03"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-04"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-05"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-06"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-07"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-08"), "国庆节、中秋节假期，不计入"),
            new DueReason(D("2025-10-11"), "调休上班，计入（第 6 个工作日）"),
            new DueReason(D("2025-10-12"), "星期日，不计入"),
            new DueReason(D("2025-10-16"), "第 10 个工作日，期限届满"),
        ], explanation);
    }

    [Fact]
    public void A_working_day_period_ending_on_a_make_up_day_says_it_counts()
    {
        var explanation = Explain("2026-09-24", 6, PeriodKind.Working);

        Assert.Equal(new DueReason(D("2026-10-10"), "调休上班，计入；第 6 个工作日，期限届满"), explanation[^1]);
    }

    [Fact]
    public void A_rule_based_due_date_starts_with_the_rule_its_days_kind_and_article()
    {
        var calendarRule = Periods.Due(WorkCalendar.Shipped, D("2025-09-20"), PeriodRules.Find(PeriodRules.Dispose)!, explain: true);
        var workingRule = Periods.Due(WorkCalendar.Shipped, D("2025-09-26"), PeriodRules.Find(PeriodRules.HandlingSimplified)!, explain: true);

        Assert.Equal(new DueReason(D("2025-09-20"), "处置期限 15 日（自然日），届满日遇休息日顺延，依据《信访工作条例》第二十二条"), calendarRule.Explanation[0]);
        Assert.Equal(new DueReason(D("2025-09-26"), "简易办理期限 10 个工作日，依据《信访事项简易办理办法（试行）》"), workingRule.Explanation[0]);
        Assert.Equal(D("2025-10-09"), calendarRule.Due);
        Assert.Equal(D("2025-10-16"), workingRule.Due);
    }

    [Fact]
    public void Hearing_days_lengthen_a_recheck_and_are_named_in_the_explanation()
    {
        // 《信访工作条例》第三十六条: hearing time does not count towards the 复核's 30 days.
        var result = Periods.Due(WorkCalendar.Shipped, D("2025-03-03"), PeriodRules.Find(PeriodRules.Recheck)!,
            extraDays: 7, extraReason: "听证 7 日，不计入复核期限", explain: true);

        Assert.Equal(37, result.Days);
        Assert.Equal(D("2025-04-09"), result.Due);
        Assert.Equal("复核期限 30 日（自然日），届满日遇休息日顺延，依据《信访工作条例》第三十六条", result.Explanation[0].Reason);
        Assert.Equal(new DueReason(D("2025-03-03"), "另加 7 日（自然日）：听证 7 日，不计入复核期限"), result.Explanation[1]);
    }

    [Fact]
    public void Extra_days_without_a_reason_say_that_none_was_given()
    {
        var result = Periods.Due(WorkCalendar.Shipped, D("2025-03-03"), PeriodRules.Find(PeriodRules.Handling)!, extraDays: 30, explain: true);

        Assert.Equal("另加 30 日（自然日）：未说明原因", result.Explanation[1].Reason);
    }

    [Fact]
    public void Without_explain_the_explanation_is_empty_but_the_result_the_same()
    {
        var plain = Periods.Due(WorkCalendar.Shipped, D("2025-09-20"), 15, PeriodKind.Calendar);
        var explained = Periods.Due(WorkCalendar.Shipped, D("2025-09-20"), 15, PeriodKind.Calendar, explain: true);

        Assert.Empty(plain.Explanation);
        Assert.Equal(explained with { Explanation = plain.Explanation }, plain);
    }
}
