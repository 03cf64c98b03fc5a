using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;
using A = Xinfang.Domain.Matters.MatterAction;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>
/// A matter in each state, arranged so that the action under test has what it needs there (a draft to approve, an
/// undelivered notice, a delivered opinion whose window has run out by <see cref="Org.Today"/>), and a valid command
/// for each action. All steps happen on 2025-03-03; the acceptance notice and the transfer notices stay undelivered.
/// </summary>
internal static class Scenarios
{
    public static Matter In(MatterStatus state, A action) => state switch
    {
        // Only a matter that came back from a unit has something other than its receipt to deliver.
        MatterStatus.Registered => action switch
        {
            A.Deliver => AMatter().Transferred().Objected().Build(),
            // Only an online submission is marked as spam, and only a marked one is reinstated.
            A.MarkSpam => AMatter().Online().Build(),
            A.UnmarkSpam => AMatter().Online().MarkedSpam().Build(),
            _ => AMatter().Build(),
        },
        MatterStatus.Transferred => AMatter().Transferred().Build(),
        MatterStatus.Assigned => AMatter().Assigned(D("2025-04-30")).Build(),
        MatterStatus.Accepted => action == A.ApproveConclusion ? Accepted().Drafted().Build() : Accepted().Build(),
        MatterStatus.Concluded => Concluded(action).Build(),
        MatterStatus.UnderReview => Concluded(action).ReviewRequested().Build(),
        // To deliver the review opinion it must still be undelivered; to ask for a recheck it must have been delivered.
        MatterStatus.Reviewed => action == A.Deliver ? Reviewed(action).Build() : Reviewed(action).ReviewOpinionDelivered().Build(),
        MatterStatus.UnderRecheck => action == A.Deliver ? UnderRecheck(action).Heard(D("2025-03-03"), D("2025-03-03")).Build() : UnderRecheck(action).Build(),
        // An opinion is evaluated once delivered; to deliver it, it must still be undelivered.
        MatterStatus.Rechecked => action == A.Deliver ? UnderRecheck(action).Rechecked().Build() : UnderRecheck(action).Rechecked().Delivered(NoticeKind.RecheckOpinion).Build(),
        MatterStatus.Routed => AMatter().Transferred().RoutedByUnit().Build(),
        MatterStatus.Referred => AMatter().Referred().Build(),
        MatterStatus.Declined => AMatter().Declined().Build(),
        // A supported opinion is archived only once carried out (第三十二条第二款).
        MatterStatus.Closed => Concluded(A.Close).ClosedBySweep().Build(),
    };

    /// <summary>A command for <paramref name="action"/> that passes every rule inside the decision, dated on the matter's last step.</summary>
    public static MatterCommand Command(A action, Matter matter, Actor actor)
    {
        var on = matter.LastStepOn;
        return action switch
        {
            A.Transfer => new Transfer(Org.StreetA.Id, On: on),
            A.Assign => new Assign(Org.StreetA.Id, on.AddDays(30), On: on),
            A.Route => new Route(RouteChannel.Litigation, "向阎良区人民法院提起诉讼", On: on),
            A.Refer => new Refer(Org.Court.Id, On: on),
            A.Decline => new Decline(DeclineReason.OutOfScope, On: on),
            A.SelfHandle => new SelfHandle(On: on),
            A.Accept => new Accept(On: on),
            A.Objection => new Objection("该事项属于区住建局职权范围", on),
            A.Extend => new Extend(10, "需要进一步核实", on),
            A.Log => new Log(LogKind.Investigation, "实地核查", on),
            A.Conclude => Conclusions.Of(matter) with { On = on },
            A.ApproveConclusion => new ApproveConclusion("同意", on),
            A.Deliver => new Deliver(NoticeFor(matter, actor)?.Id ?? matter.Notices[0].Id, DeliveryMethod.InPerson, on),
            A.Reissue => new Reissue(Lifecycle.Correctable(matter, Org.Context(actor)).LastOrDefault()?.Id ?? matter.Notices[0].Id, "原文书有误", On: on),
            A.Implement => new Implement("已补发补偿款", on),
            A.Evaluate => new Evaluate(EvaluationTarget.Unit, Rating.Satisfied, On: on),
            A.RequestReview => new RequestReview("对处理意见不服", on),
            A.ConcludeReview => new ConcludeReview(ReviewDecision.Uphold, "维持原处理意见", "《信访工作条例》第三十五条", on),
            A.RequestRecheck => new RequestRecheck("对复查意见不服", on),
            A.Hearing => new Hearing(on, on, on),
            A.ConcludeRecheck => new ConcludeRecheck(ReviewDecision.Uphold, "维持复查意见", "《信访工作条例》第三十六条", on),
            // Closing waits for the petitioner's window, which the decision measures against today; a late request
            // comes after it.
            A.Close => new Close(),
            A.DeclineLateRequest => new DeclineLateRequest(On: Org.Today),
            A.MarkSpam => new MarkSpam("广告推销", on),
            A.UnmarkSpam => new UnmarkSpam("误标", on),
            A.Register or A.Recalculate => throw new ArgumentOutOfRangeException(nameof(action), action, "not a lifecycle command"),
        };
    }

    /// <summary>The first undelivered notice this actor's unit issued (the registrar delivers the bureau's).</summary>
    public static Notice? NoticeFor(Matter matter, Actor actor) =>
        matter.Notices.FirstOrDefault(n => n.Kind != NoticeKind.Receipt && n.DeliveredOn is null && n.IssuingUnitId == actor.UnitId && actor.UnitId != Guid.Empty);

    /// <summary>The actor the tests use for one party of the table.</summary>
    public static Actor ActorFor(Party party) => party switch
    {
        Party.Registrar => Org.Registrar,
        Party.UnitHandler => Org.Handler,
        Party.UnitHead => Org.UnitHead,
        Party.ReviewHandler => Org.ReviewHandler,
        Party.ReviewHead => Org.ReviewHead,
        Party.RecheckHandler => Org.RecheckHandler,
        Party.RecheckHead => Org.RecheckHead,
        Party.Petitioner => Actor.Petitioner,
        Party.System => Actor.System,
        Party.Supervisor => Org.Supervisor,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "one party at a time"),
    };

    public static IEnumerable<Party> Each(Party parties) => Enum.GetValues<Party>().Where(p => p != Party.None && parties.HasFlag(p));

    private static MatterBuilder Accepted() => AMatter().Transferred().Accepted();

    /// <summary>Concluded with a supported opinion, delivered — and carried out, except where implementing is what is tested.</summary>
    private static MatterBuilder Concluded(A action)
    {
        var concluded = Accepted().Concluded().OpinionDelivered();
        return action == A.Implement ? concluded : concluded.Implemented();
    }

    private static MatterBuilder Reviewed(A action) => Concluded(action).ReviewRequested().Reviewed();

    private static MatterBuilder UnderRecheck(A action) => Reviewed(action).ReviewOpinionDelivered().RecheckRequested();
}
