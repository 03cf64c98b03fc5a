using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;
using A = Xinfang.Domain.Matters.MatterAction;

namespace Xinfang.Domain.Tests.Matters;

/// <summary><see cref="Lifecycle.Allowed"/>: the table's actions for the actor's parties in the matter's state, minus those whose precondition fails.</summary>
public sealed class AllowedActionsTests
{
    private static readonly string[] PreconditionCodes =
    [
        "matter.already-extended", "matter.draft-pending", "matter.no-draft", "matter.nothing-to-deliver", "matter.nothing-to-implement",
        "matter.already-evaluated", "matter.evaluation-not-open", "matter.not-reviewable", "matter.opinion-not-delivered", "matter.window-open", "matter.not-implemented",
        "matter.nothing-to-correct", "matter.spam-online-only", "matter.already-spam", "matter.not-spam",
    ];

    public static TheoryData<MatterStatus, A, string> StatesAndActors()
    {
        var data = new TheoryData<MatterStatus, A, string>();
        foreach (var state in Enum.GetValues<MatterStatus>())
        {
            // Each arranged variant of the state (one per action that needs its own arrangement), for every actor.
            foreach (var variant in new[] { A.Transfer, A.Deliver, A.ApproveConclusion })
            {
                foreach (var name in Org.Actors.Keys)
                {
                    data.Add(state, variant, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatesAndActors))]
    public void Allowed_is_the_table_for_the_actor_and_state_minus_failed_preconditions(MatterStatus state, A variant, string actorName)
    {
        var matter = Scenarios.In(state, variant);
        var actor = Org.Actors[actorName];
        var parties = actor.PartiesFor(matter);
        var fromTable = Lifecycle.Table.Where(t => t.From.Contains(state) && (t.Who & parties) != 0).Select(t => t.Action).Distinct().ToList();

        var allowed = Lifecycle.Allowed(matter, Org.Context(actor));

        Assert.Equal(fromTable.Where(allowed.Contains), allowed);
        foreach (var missing in fromTable.Except(allowed))
        {
            var error = Decisions.Refused(matter, Scenarios.Command(missing, matter, actor), actor);
            Assert.Contains(error.Code, PreconditionCodes);
        }

        foreach (var action in allowed)
        {
            var decided = Decisions.Decide(matter, Scenarios.Command(action, matter, actor), actor);
            Assert.True(decided.IsSuccess, $"{action} is offered to {actorName} but refused: {decided.Error?.Code}");
        }
    }

    [Fact]
    public void A_registered_matter_offers_the_registrar_every_disposal_and_nothing_to_deliver()
    {
        var matter = AMatter().Build();

        // The bureau issued the receipt: it may correct it (更正), which is not a disposal.
        Assert.Equal([A.Transfer, A.Assign, A.Route, A.Refer, A.Decline, A.SelfHandle, A.Reissue], Lifecycle.Allowed(matter, Org.Context(Org.Registrar)));
        Assert.Empty(Lifecycle.Allowed(matter, Org.Context(Org.Handler)));
    }

    [Fact]
    public void A_transferred_matter_offers_its_handler_route_accept_and_object_and_another_street_nothing()
    {
        var matter = AMatter().Transferred().Build();

        Assert.Equal([A.Route, A.Accept, A.Objection], Lifecycle.Allowed(matter, Org.Context(Org.Handler)));
        Assert.Empty(Lifecycle.Allowed(matter, Org.Context(Org.OtherHandler)));
    }

    [Fact]
    public void An_accepted_matter_offers_its_head_extend_log_conclude_and_delivery_of_the_acceptance_notice()
    {
        var matter = AMatter().Transferred().Accepted().Build();

        Assert.Equal([A.Extend, A.Log, A.Conclude, A.Deliver, A.Reissue], Lifecycle.Allowed(matter, Org.Context(Org.UnitHead)));
    }

    [Fact]
    public void Once_extended_a_matter_no_longer_offers_extend()
    {
        var matter = AMatter().Transferred().Accepted().Delivered(NoticeKind.AcceptanceNotice).Extended(10).Delivered(NoticeKind.ExtensionNotice).Build();

        Assert.Equal([A.Log, A.Conclude, A.Reissue], Lifecycle.Allowed(matter, Org.Context(Org.UnitHead)));
    }

    [Fact]
    public void A_pending_draft_offers_the_head_approval_instead_of_a_new_conclusion()
    {
        var matter = AMatter().Transferred().Accepted().Delivered(NoticeKind.AcceptanceNotice).Drafted().Build();

        Assert.Equal([A.Extend, A.Log, A.ApproveConclusion, A.Reissue], Lifecycle.Allowed(matter, Org.Context(Org.UnitHead)));
        Assert.Equal([A.Log, A.Reissue], Lifecycle.Allowed(matter, Org.Context(Org.Handler)));
    }

    [Fact]
    public void A_concluded_matter_offers_the_petitioner_evaluation_and_review_until_both_evaluations_are_given()
    {
        var builder = AMatter().Transferred().Accepted().Concluded().OpinionDelivered();

        Assert.Equal([A.Evaluate, A.RequestReview], Lifecycle.Allowed(builder.Build(), Org.Context(Actor.Petitioner, D("2025-03-10"))));
        var evaluated = builder.Evaluated(EvaluationTarget.Unit).Evaluated(EvaluationTarget.Bureau).Build();
        Assert.Equal([A.RequestReview], Lifecycle.Allowed(evaluated, Org.Context(Actor.Petitioner, D("2025-03-10"))));
    }

    [Fact]
    public void A_mediation_agreement_offers_no_review()
    {
        var matter = AMatter().Transferred().Accepted().Logged(LogKind.Mediation).Concluded(Outcome.Mediated).Delivered(NoticeKind.MediationAgreement).Build();

        Assert.Equal([A.Evaluate], Lifecycle.Allowed(matter, Org.Context(Actor.Petitioner)));
    }

    [Fact]
    public void The_registrar_is_offered_close_only_once_the_window_has_run_out()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().OpinionDelivered(D("2025-03-05")).Implemented(D("2025-03-05")).Build();

        // 30 days from 2025-03-05 end on 04-04, 清明节; the window rolls forward to Monday 04-07.
        Assert.DoesNotContain(A.Close, Lifecycle.Allowed(matter, Org.Context(Org.Registrar, D("2025-04-07"))));
        Assert.Contains(A.Close, Lifecycle.Allowed(matter, Org.Context(Org.Registrar, D("2025-04-08"))));
    }
}
