using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Domain.Tests.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Supervision;

/// <summary>The seven problem types of concentrated supervision: each appears on its facts and disappears when they change.</summary>
public sealed class ProblemRulesTests
{
    private static readonly ProblemThresholds Defaults = ProblemThresholds.Default;

    private static ProblemDecision On(Matter matter, string asOf, params RepeatLink[] repeats) => ProblemRules.Decide(matter, repeats, D(asOf), Defaults);

    private static string Evidence(ProblemDecision decision, ProblemType type) => decision.Findings.Single(f => f.Type == type).Evidence;

    // Received Mon 2025-03-03 and transferred that day: the unit's 15 days to accept end on Tue 03-18.
    private static MatterBuilder Transferred() => AMatter().ReceivedOn("2025-03-03").Transferred();

    [Fact]
    public void Not_accepted_appears_the_day_after_the_acceptance_deadline_and_disappears_on_acceptance()
    {
        var matter = Transferred().Build();

        Assert.False(On(matter, "2025-03-18").Has(ProblemType.NotAccepted));
        Assert.Equal(D("2025-03-19"), On(matter, "2025-03-10").RecheckOn);
        Assert.Equal("2025-03-03收到，受理期限2025-03-18已过，未受理也未提出异议", Evidence(On(matter, "2025-03-19"), ProblemType.NotAccepted));

        var accepted = Transferred().Accepted(D("2025-03-25")).Build();
        Assert.False(On(accepted, "2025-03-26").Has(ProblemType.NotAccepted));
        Assert.False(On(Transferred().Objected(D("2025-03-05")).Build(), "2025-04-01").Has(ProblemType.NotAccepted));
    }

    [Fact]
    public void Not_handled_appears_after_twenty_quiet_days_and_disappears_with_a_handling_record()
    {
        var matter = Transferred().Accepted(D("2025-03-04")).Build();

        Assert.False(On(matter, "2025-03-24").Has(ProblemType.NotHandled));
        Assert.Equal(D("2025-03-25"), On(matter, "2025-03-20").RecheckOn);
        Assert.Contains("已21天无办理活动", Evidence(On(matter, "2025-03-25"), ProblemType.NotHandled));

        var logged = Transferred().Accepted(D("2025-03-04")).Logged(on: D("2025-03-25")).Build();
        Assert.False(On(logged, "2025-03-25").Has(ProblemType.NotHandled));
        Assert.False(On(Transferred().Accepted(D("2025-03-04")).Concluded(Outcome.Explain).Build(), "2025-06-01").Has(ProblemType.NotHandled));
        Assert.False(ProblemRules.Decide(matter, [], D("2025-03-25"), new ProblemThresholds(IdleDays: 30)).Has(ProblemType.NotHandled));
    }

    [Fact]
    public void Not_implemented_appears_thirty_days_after_a_supporting_opinion_is_delivered_and_disappears_when_carried_out()
    {
        var delivered = Transferred().Accepted().Concluded(Outcome.Support, D("2025-03-10")).OpinionDelivered(D("2025-03-12"));
        var matter = delivered.Build();

        Assert.False(On(matter, "2025-04-11").Has(ProblemType.NotImplemented));
        Assert.Contains("于2025-03-12送达，已31天无落实记录", Evidence(On(matter, "2025-04-12"), ProblemType.NotImplemented));
        Assert.False(On(delivered.Implemented(D("2025-04-20")).Build(), "2025-04-21").Has(ProblemType.NotImplemented));

        var explained = Transferred().Accepted().Concluded(Outcome.Explain, D("2025-03-10")).OpinionDelivered(D("2025-03-12")).Build();
        Assert.False(On(explained, "2025-06-01").Has(ProblemType.NotImplemented));
    }

    [Fact]
    public void A_repeat_after_the_opinion_appears_and_disappears_when_the_link_is_undone()
    {
        var matter = Transferred().Accepted().Concluded(Outcome.Explain, D("2025-03-10")).Build();
        var repeat = new RepeatLink(Guid.NewGuid(), "610114-2025-000099", D("2025-04-02"));

        Assert.Equal("2025-03-10出具处理意见后，信访人于2025-04-02就同一事项再次信访（610114-2025-000099）",
            Evidence(On(matter, "2025-04-03", repeat), ProblemType.RepeatAfterConclusion));
        Assert.False(On(matter, "2025-04-03").Has(ProblemType.RepeatAfterConclusion));
        Assert.False(On(matter, "2025-04-03", repeat with { ReceivedOn = D("2025-03-05") }).Has(ProblemType.RepeatAfterConclusion));
        Assert.False(On(Transferred().Accepted().Build(), "2025-04-03", repeat).Has(ProblemType.RepeatAfterConclusion));
    }

    [Fact]
    public void Irregular_appears_for_a_late_acceptance_notice_or_an_undelivered_opinion_and_disappears_on_delivery()
    {
        Assert.Equal("受理告知书应于2025-03-18前出具，2025-03-25才出具",
            Evidence(On(Transferred().Accepted(D("2025-03-25")).Build(), "2025-03-26"), ProblemType.Irregular));

        var concluded = Transferred().Accepted(D("2025-03-04")).Concluded(Outcome.Explain, D("2025-03-10"));
        var undelivered = concluded.Build();
        Assert.False(On(undelivered, "2025-03-25").Has(ProblemType.Irregular));
        Assert.Contains("已16天无送达记录", Evidence(On(undelivered, "2025-03-26"), ProblemType.Irregular));
        Assert.False(On(concluded.OpinionDelivered(D("2025-03-12")).Build(), "2025-03-26").Has(ProblemType.Irregular));
    }

    [Fact]
    public void Overdue_appears_past_the_handling_date_disappears_when_extended_and_stays_once_concluded_late()
    {
        var accepted = Transferred().Accepted(D("2025-03-04")); // 60 days: due Sat 05-03, rolled to the make-up working day or Mon
        var matter = accepted.Build();
        var due = matter.OpenDeadline("handling")!.DueOn;

        Assert.False(On(matter, due.ToString("yyyy-MM-dd")).Has(ProblemType.Overdue));
        Assert.Contains("已超期1天仍未完成", Evidence(ProblemRules.Decide(matter, [], due.AddDays(1), Defaults), ProblemType.Overdue));

        var extended = Transferred().Accepted(D("2025-03-04")).Extended(30, D("2025-04-20")).Build();
        Assert.False(ProblemRules.Decide(extended, [], due.AddDays(1), Defaults).Has(ProblemType.Overdue));

        var late = Transferred().Accepted(D("2025-03-04")).Concluded(Outcome.Explain, due.AddDays(5)).Build();
        Assert.Contains("超期5天", Evidence(ProblemRules.Decide(late, [], due.AddDays(6), Defaults), ProblemType.Overdue));
        Assert.Null(ProblemRules.Decide(late, [], due.AddDays(6), Defaults).Findings.FirstOrDefault(f => f.Evidence.Contains("仍未完成")));
    }

    [Fact]
    public void Substance_unresolved_appears_on_a_dissatisfied_rating_and_disappears_when_a_later_opinion_satisfies()
    {
        var rated = Transferred().Accepted().Concluded(Outcome.Explain, D("2025-03-10")).OpinionDelivered(D("2025-03-12"))
            .Evaluated(EvaluationTarget.Unit, Rating.Dissatisfied, D("2025-03-14"));

        Assert.Equal("信访人于2025-03-14对责任单位的办理评价为“不满意”", Evidence(On(rated.Build(), "2025-03-15"), ProblemType.SubstanceUnresolved));

        var reviewed = rated.ReviewRequested(D("2025-03-20")).Reviewed(D("2025-04-01")).ReviewOpinionDelivered(D("2025-04-02"))
            .Evaluated(EvaluationTarget.Unit, Rating.Satisfied, D("2025-04-03")).Build();
        Assert.False(On(reviewed, "2025-04-04").Has(ProblemType.SubstanceUnresolved));

        var satisfied = Transferred().Accepted().Concluded(Outcome.Explain, D("2025-03-10")).OpinionDelivered(D("2025-03-12"))
            .Evaluated(EvaluationTarget.Unit, Rating.Satisfied, D("2025-03-14")).Build();
        Assert.False(On(satisfied, "2025-03-15").Has(ProblemType.SubstanceUnresolved));
    }

    [Fact]
    public void Every_type_has_a_code_a_name_and_a_rule_citing_the_regulation()
    {
        foreach (var type in ProblemRules.All)
        {
            Assert.Equal(type, ProblemRules.Parse(type.Code()));
            Assert.NotEmpty(type.ToChinese());
            Assert.Contains("《信访工作条例》第", ProblemRules.RuleOf(type));
        }

        Assert.Null(ProblemRules.Parse("late"));
        Assert.Null(ProblemRules.Parse(null));
    }

    [Fact]
    public void A_closed_matter_handled_in_time_has_no_problem_and_nothing_to_recheck()
    {
        var matter = Transferred().Accepted(D("2025-03-04")).Concluded(Outcome.Explain, D("2025-03-10")).OpinionDelivered(D("2025-03-12"))
            .Evaluated(EvaluationTarget.Unit, Rating.Satisfied, D("2025-03-14")).ClosedBySweep(D("2025-04-15")).Build();

        var decision = On(matter, "2025-06-01");

        Assert.Empty(decision.Findings);
        Assert.Null(decision.RecheckOn);
    }
}
