using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;
using A = Xinfang.Domain.Matters.MatterAction;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>第三十六条第三款: the recheck opinion is final; the same facts and reasons are not accepted again.</summary>
public sealed class FinalityTests
{
    // An opinion that explains rather than supports, so nothing remains to be carried out.
    private static Matter Rechecked() => AMatter().Transferred().Accepted().Concluded(Outcome.Explain).OpinionDelivered()
        .ReviewRequested(D("2025-03-10")).Reviewed(D("2025-04-01")).ReviewOpinionDelivered(D("2025-04-02")).RecheckRequested(D("2025-04-10"))
        .Rechecked(D("2025-05-06")).Build();

    public static TheoryData<string> ActorNames => [.. Org.Actors.Keys];

    [Theory]
    [MemberData(nameof(ActorNames))]
    public void Nothing_but_delivery_and_evaluation_is_allowed_on_a_rechecked_matter(string actorName)
    {
        var allowed = Lifecycle.Allowed(Rechecked(), Org.Context(Org.Actors[actorName]));

        // A correction (更正) of a notice issues a new notice; it does not reopen the matter.
        Assert.Empty(allowed.Except([A.Deliver, A.Evaluate, A.Reissue]));
    }

    [Theory]
    [InlineData(A.RequestReview)]
    [InlineData(A.RequestRecheck)]
    [InlineData(A.ConcludeRecheck)]
    [InlineData(A.Hearing)]
    [InlineData(A.Close)]
    [InlineData(A.Log)]
    public void Acting_on_a_rechecked_matter_is_refused(A action)
    {
        var matter = Rechecked();
        var actor = Scenarios.ActorFor(Scenarios.Each(Lifecycle.Table.First(t => t.Action == action).Who).First());

        Assert.Equal("matter.action-not-allowed", Decisions.Refused(matter, Scenarios.Command(action, matter, actor), actor).Code);
    }

    [Fact]
    public void The_recheck_opinion_says_it_is_final_and_the_matter_counts_as_finalized_for_repeats()
    {
        var matter = Rechecked();

        Assert.True(matter.Status.IsFinal());
        Assert.Equal((NoticeKind.RecheckOpinion, Org.City.Id), (matter.Notices[^1].Kind, matter.Notices[^1].IssuingUnitId));
        Assert.Contains("本复核意见为最终意见", matter.Notices[^1].Fields, StringComparison.Ordinal);
        Assert.Contains("不再受理", matter.Notices[^1].Fields, StringComparison.Ordinal);
        Assert.Equal(PriorStanding.Finalized, RepeatLinking.StandingOf(matter.Status, matter.UnitId, matter.NextDueOn, Guid.NewGuid(), matter.LastStepOn));
    }

    [Fact]
    public void The_recheck_opinion_meets_the_recheck_clock()
    {
        var matter = Rechecked();

        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Recheck)!.State);
        Assert.Equal((ReviewDecision.Uphold, D("2025-05-06")), (matter.RecheckOpinion!.Decision, matter.RecheckOpinion.On));
    }

    [Fact]
    public void A_matter_not_yet_rechecked_is_not_finalized()
    {
        var concluded = AMatter().Transferred().Accepted().Concluded().Build();
        Assert.Equal(PriorStanding.Concluded, RepeatLinking.StandingOf(concluded.Status, concluded.UnitId, concluded.NextDueOn, Guid.NewGuid(), concluded.LastStepOn));
        Assert.Equal(Purpose.Claim, Rechecked().Purpose);
    }
}
