using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>满意度评价: the petitioner rates the bureau and the unit, once each per delivered opinion, within the window (REFERENCE.md §3.1).</summary>
public sealed class EvaluationTests
{
    private static MatterBuilder Concluded() => AMatter().Transferred().Accepted().Concluded().OpinionDelivered();

    [Fact]
    public void The_unit_and_the_bureau_are_each_evaluated_once()
    {
        var matter = Concluded().Evaluated(EvaluationTarget.Unit, Rating.Dissatisfied).Build();

        var error = Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner);

        Assert.Equal(("matter.already-evaluated", ErrorKind.Conflict), (error.Code, error.Kind));
        Decisions.Do(matter, new Evaluate(EvaluationTarget.Bureau, Rating.BasicallySatisfied, "态度很好", matter.LastStepOn), Actor.Petitioner);
        Assert.Equal([(EvaluationTarget.Unit, Rating.Dissatisfied), (EvaluationTarget.Bureau, Rating.BasicallySatisfied)],
            matter.Evaluations.Select(e => (e.Target, e.Rating)));
    }

    [Fact]
    public void After_both_evaluations_no_more_are_taken()
    {
        var matter = Concluded().Evaluated(EvaluationTarget.Unit).Evaluated(EvaluationTarget.Bureau).Build();

        Assert.Equal("matter.already-evaluated", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied), Actor.Petitioner).Code);
    }

    [Fact]
    public void The_registrar_records_an_evaluation_on_the_petitioners_behalf_and_the_unit_cannot()
    {
        var matter = Concluded().Build();

        Decisions.Do(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied, On: matter.LastStepOn), Org.Registrar);

        Assert.Equal(Org.Registrar.Name, matter.Evaluations.Single().By);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied), Org.UnitHead).Code);
    }

    [Fact]
    public void The_registrar_s_rating_is_marked_as_recorded_on_the_petitioners_behalf_and_the_portal_s_is_not()
    {
        var matter = Concluded().Build();

        Decisions.Do(matter, new Evaluate(EvaluationTarget.Unit, Rating.Dissatisfied, "电话回访时表示不满意", matter.LastStepOn), Org.Registrar);
        Decisions.Do(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied, On: matter.LastStepOn), Actor.Petitioner);

        Assert.Equal([true, false], matter.Evaluations.Select(e => e.OnBehalf));
    }

    [Fact]
    public void Nothing_is_evaluated_before_the_opinion_is_delivered()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().Build();

        Assert.Equal(EvaluationState.NotOpen, Satisfaction.State(matter, EvaluationTarget.Unit, matter.LastStepOn, 30));
        Assert.Equal("matter.evaluation-not-open", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner).Code);
    }

    [Fact]
    public void The_window_runs_thirty_days_from_delivery_then_the_matter_counts_as_overdue_unevaluated()
    {
        var matter = Concluded().Build();
        var delivered = matter.Notices.Single(n => n.Kind == NoticeKind.HandlingOpinion).DeliveredOn!.Value;
        var last = delivered.AddDays(30);

        Assert.Equal(last, Satisfaction.WindowEnds(matter, 30));
        Assert.Equal(EvaluationState.Awaiting, Satisfaction.State(matter, EvaluationTarget.Unit, last, 30));
        Assert.Equal(EvaluationState.Overdue, Satisfaction.State(matter, EvaluationTarget.Unit, last.AddDays(1), 30));
        Assert.Equal("matter.evaluation-window-passed",
            Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied, On: last.AddDays(1)), Actor.Petitioner, last.AddDays(1)).Code);

        // A rating given on paper in time is recorded by staff later, dated the day it was given.
        Decisions.Do(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied, On: last), Org.Registrar, last.AddDays(5));
        Assert.Equal(EvaluationState.Evaluated, Satisfaction.State(matter, EvaluationTarget.Unit, last.AddDays(5), 30));
    }

    [Fact]
    public void A_matter_is_evaluated_again_after_the_review_opinion_is_delivered()
    {
        var matter = Concluded().Evaluated(EvaluationTarget.Unit).Evaluated(EvaluationTarget.Bureau).ReviewRequested().Reviewed().Build();

        Assert.Equal("matter.evaluation-not-open", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner).Code);

        matter = Concluded().Evaluated(EvaluationTarget.Unit).Evaluated(EvaluationTarget.Bureau).ReviewRequested().Reviewed().ReviewOpinionDelivered()
            .Evaluated(EvaluationTarget.Unit, Rating.Dissatisfied).Build();
        Assert.True(Decisions.Decide(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied, On: matter.LastStepOn), Actor.Petitioner).IsSuccess);
        Assert.Equal("matter.already-evaluated", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner).Code);
        Assert.Equal([1, 1, 2], matter.Evaluations.Select(e => e.Stage));
    }
}
