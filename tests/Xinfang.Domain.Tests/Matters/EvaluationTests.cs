using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>满意度评价: the petitioner rates the bureau and the unit, once each (REFERENCE.md §3.1).</summary>
public sealed class EvaluationTests
{
    private static MatterBuilder Concluded() => AMatter().Transferred().Accepted().Concluded().OpinionDelivered();

    [Fact]
    public void The_unit_and_the_bureau_are_each_evaluated_once()
    {
        var matter = Concluded().Evaluated(EvaluationTarget.Unit, Rating.Dissatisfied).Build();

        var error = Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner);

        Assert.Equal(("matter.already-evaluated", ErrorKind.Conflict), (error.Code, error.Kind));
        Decisions.Do(matter, new Evaluate(EvaluationTarget.Bureau, Rating.BasicallySatisfied, "态度很好"), Actor.Petitioner);
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

        Decisions.Do(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Org.Registrar);

        Assert.Equal(Org.Registrar.Name, matter.Evaluations.Single().By);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied), Org.UnitHead).Code);
    }

    [Fact]
    public void A_matter_is_evaluated_after_review_too()
    {
        var matter = Concluded().Evaluated(EvaluationTarget.Unit).ReviewRequested().Reviewed().Build();

        Assert.True(Decisions.Decide(matter, new Evaluate(EvaluationTarget.Bureau, Rating.Satisfied), Actor.Petitioner).IsSuccess);
        Assert.Equal("matter.already-evaluated", Decisions.Refused(matter, new Evaluate(EvaluationTarget.Unit, Rating.Satisfied), Actor.Petitioner).Code);
    }
}
