using Xinfang.Domain.Shared;
using static Xinfang.Domain.Matters.MatterStatus;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The statutory procedure as data (LIFECYCLE.md "Transitions") and the pure decisions over it:
/// <c>Decide(matter, command, context)</c> returns a <see cref="MatterChange"/> or a named error, never both, never a
/// silent no-op. Each row names the command, the states it may start from, where it leads, who may take it, the
/// decision that works out the change and the record its history row keeps. The decisions live in the partial files
/// beside this one, each next to its command.
/// </summary>
public static partial class Lifecycle
{
    private const Party Handlers = Party.UnitHandler | Party.UnitHead;

    private const Party AnyIssuer = Party.Registrar | Handlers | Party.ReviewHandler | Party.ReviewHead | Party.RecheckHandler | Party.RecheckHead;

    public static readonly IReadOnlyList<Transition> Table =
    [
        Row<Transfer, DispatchDetails>(MatterAction.Transfer, [Registered], Transferred, Party.Registrar, DecideTransfer),
        Row<Assign, DispatchDetails>(MatterAction.Assign, [Registered], Assigned, Party.Registrar, DecideAssign),
        Row<Route, RouteDetails>(MatterAction.Route, [Registered], Routed, Party.Registrar, DecideRoute),
        Row<Route, RouteDetails>(MatterAction.Route, [Transferred, Assigned], Routed, Party.UnitHandler, DecideRoute),
        Row<Refer, DispatchDetails>(MatterAction.Refer, [Registered], Referred, Party.Registrar, DecideRefer),
        Row<Decline, DeclineDetails>(MatterAction.Decline, [Registered], Declined, Party.Registrar, DecideDecline),
        Row<SelfHandle>(MatterAction.SelfHandle, [Registered], Accepted, Party.Registrar, DecideSelfHandle),
        Row<Accept, AcceptDetails>(MatterAction.Accept, [Transferred, Assigned], Accepted, Party.UnitHandler, DecideAccept),
        Row<Objection>(MatterAction.Objection, [Transferred, Assigned], Registered, Party.UnitHandler, DecideObjection),
        Row<Extend, ExtendDetails>(MatterAction.Extend, [Accepted], null, Party.UnitHead, DecideExtend),
        Row<Log, LogDetails>(MatterAction.Log, [Accepted], null, Handlers, DecideLog),
        Row<Log, LogDetails>(MatterAction.Log, [UnderReview], null, Party.ReviewHandler | Party.ReviewHead, DecideLog),
        Row<Log, LogDetails>(MatterAction.Log, [UnderRecheck], null, Party.RecheckHandler | Party.RecheckHead, DecideLog),
        Row<Conclude, ConcludeDetails>(MatterAction.Conclude, [Accepted], Concluded, Handlers, DecideConclude),
        Row<ApproveConclusion>(MatterAction.ApproveConclusion, [Accepted], Concluded, Party.UnitHead, DecideApproveConclusion),
        Row<Deliver, DeliverDetails>(MatterAction.Deliver, Enum.GetValues<MatterStatus>(), null, AnyIssuer, DecideDeliver),
        Row<Reissue, ReissueDetails>(MatterAction.Reissue, Enum.GetValues<MatterStatus>(), null, AnyIssuer, DecideReissue),
        Row<Implement>(MatterAction.Implement, [Concluded, UnderReview, Reviewed, UnderRecheck, Rechecked], null, Party.UnitHandler, DecideImplement),
        Row<Evaluate, EvaluateDetails>(MatterAction.Evaluate, [Concluded, Reviewed, Rechecked], null, Party.Petitioner, DecideEvaluate),
        Row<RequestReview, RequestDetails>(MatterAction.RequestReview, [Concluded], UnderReview, Party.Petitioner, DecideRequestReview),
        Row<ConcludeReview, OpinionDetails>(MatterAction.ConcludeReview, [UnderReview], Reviewed, Party.ReviewHead, DecideConcludeReview),
        Row<RequestRecheck, RequestDetails>(MatterAction.RequestRecheck, [Reviewed], UnderRecheck, Party.Petitioner, DecideRequestRecheck),
        Row<Hearing, HearingDetails>(MatterAction.Hearing, [UnderRecheck], null, Party.RecheckHead, DecideHearing),
        Row<ConcludeRecheck, OpinionDetails>(MatterAction.ConcludeRecheck, [UnderRecheck], Rechecked, Party.RecheckHead, DecideConcludeRecheck),
        // The system too: a late request made on the public portal is refused at once, with the notice the law calls for.
        Row<DeclineLateRequest, DeclineDetails>(MatterAction.DeclineLateRequest, [Concluded, Reviewed, Closed], null, Party.Registrar | Party.System, DecideDeclineLateRequest),
        Row<Close>(MatterAction.Close, [Concluded, Reviewed], Closed, Party.Registrar | Party.System, DecideClose),
        // Issue 15: obvious spam on the online channel is set aside by the registrar and reinstated by a supervisor (Lifecycle.Spam.cs).
        Row<MarkSpam>(MatterAction.MarkSpam, [Registered], null, Party.Registrar, DecideMarkSpam),
        Row<UnmarkSpam>(MatterAction.UnmarkSpam, [Registered], null, Party.Supervisor, DecideUnmarkSpam),
    ];

    /// <summary>The command type of each action, for binding a request to it (the API and the matter page).</summary>
    public static readonly IReadOnlyDictionary<MatterAction, Type> Commands =
        Table.GroupBy(t => t.Action).ToDictionary(g => g.Key, g => g.First().Command);

    /// <summary>The record of history each action writes, or null when it writes none.</summary>
    public static Type? DetailsOf(MatterAction action) => action switch
    {
        MatterAction.Register => null,
        MatterAction.Recalculate => typeof(RecalculateDetails),
        _ => Table.First(t => t.Action == action).Details,
    };

    /// <summary>The actions this actor may take on the matter today: the table filtered by state, party and precondition.</summary>
    public static IReadOnlyList<MatterAction> Allowed(Matter matter, DecisionContext context)
    {
        var parties = context.Actor.PartiesFor(matter);
        return Table
            .Where(t => t.From.Contains(matter.Status) && (t.Who & parties) != 0)
            .Select(t => t.Action)
            .Distinct()
            .Where(a => Precondition(matter, a, context) is null)
            .ToList();
    }

    public static Result<MatterChange> Decide(Matter matter, MatterCommand command, DecisionContext context)
    {
        var on = command.On ?? context.Today;
        if (StepDates.Check(on, context.Today, "on") is { } future)
        {
            return future;
        }

        var row = Table.FirstOrDefault(t => t.Action == command.Action && t.From.Contains(matter.Status));
        if (row is null)
        {
            return MatterErrors.ActionNotAllowed(command.Action, matter.Status, Allowed(matter, context));
        }

        var parties = context.Actor.PartiesFor(matter);
        if ((row.Who & parties) == 0)
        {
            return MatterErrors.Forbidden(command.Action);
        }

        if (StepDates.Check(on, context.Today, "on", EarliestOn(matter, command)) is { } early)
        {
            return early;
        }

        if (Precondition(matter, command.Action, context) is { } unavailable)
        {
            return unavailable;
        }

        return row.Decide(new Step(matter, row, on, context, parties), command);
    }

    /// <summary>
    /// No step may be dated before the one it follows. A delivery follows the notice it delivers, a log entry the
    /// step that opened the current stage (the acceptance, the review or recheck request), not a delivery or an
    /// extension recorded since; every other step follows the matter's latest step.
    /// </summary>
    private static DateOnly EarliestOn(Matter matter, MatterCommand command) => command switch
    {
        Deliver d => matter.Notices.FirstOrDefault(n => n.Id == d.NoticeId)?.IssuedOn ?? matter.LastStepOn,
        Reissue r => matter.Notices.FirstOrDefault(n => n.Id == r.NoticeId)?.IssuedOn ?? matter.LastStepOn,
        Log => matter.Events.LastOrDefault(e => e.From != e.To)?.On ?? matter.LastStepOn,
        _ => matter.LastStepOn,
    };

    /// <summary>What must already be true, beyond the state, for an action to be offered at all.</summary>
    private static Error? Precondition(Matter matter, MatterAction action, DecisionContext context) => SpamPrecondition(matter, action) ?? action switch
    {
        MatterAction.Extend when matter.ExtensionDays > 0 =>
            MatterErrors.Rule("matter.already-extended", "已延期", "办理期限只能延长一次（第三十四条），本事项已经延期。"),
        MatterAction.Conclude when matter.Conclusion is { IsIssued: false } =>
            Error.Conflict("matter.draft-pending", "处理意见待审批", "已有一份处理意见草稿等待单位负责人审批，请先审批或退回。"),
        MatterAction.ApproveConclusion when matter.Conclusion is not { IsIssued: false } =>
            Error.Conflict("matter.no-draft", "没有待审批的处理意见", "承办人尚未提交处理意见草稿。"),
        // Offered only to someone who may deliver one of the notices still waiting: the unit that issued it.
        MatterAction.Deliver when !Deliverable(matter, context).Any() =>
            Error.Conflict("matter.nothing-to-deliver", "没有待送达的文书", "本事项没有需要您送达的文书（文书由发文单位送达）。"),
        MatterAction.Reissue when !Correctable(matter, context).Any() =>
            Error.Conflict("matter.nothing-to-correct", "没有可更正的文书", "本事项没有由您所在单位出具、尚未更正的文书。"),
        MatterAction.Implement when !matter.AwaitsImplementation =>
            Error.Conflict("matter.nothing-to-implement", "无需落实", "只有结论为“支持”且尚未记录落实情况的处理意见需要落实。"),
        MatterAction.Evaluate when Satisfaction.WindowEnds(matter, context.EvaluationDays) is null =>
            Error.Conflict("matter.evaluation-not-open", "意见尚未送达", "处理（复查、复核）意见送达信访人后，才能评价。"),
        // The window is checked against the day of the rating, not today: staff may record late a rating given in time.
        MatterAction.Evaluate when Enum.GetValues<EvaluationTarget>().All(t => Satisfaction.Current(matter, t) is not null) =>
            Error.Conflict("matter.already-evaluated", "已评价", "信访人已对信访部门和责任单位作出评价。"),
        MatterAction.RequestReview when matter.Conclusion is { Outcome: Outcome.Mediated or Outcome.Replied } =>
            Error.Conflict("matter.not-reviewable", "不适用复查", "调解（和解）协议和对建议意见的答复不适用复查程序（第三十五条针对信访处理意见）。"),
        MatterAction.RequestReview or MatterAction.RequestRecheck when matter.LatestDeadline(WindowCode(matter)) is null =>
            Error.Conflict("matter.opinion-not-delivered", "意见尚未送达", "意见书送达后，复查（复核）申请期限才开始计算，请先记录送达。"),
        MatterAction.DeclineLateRequest => LateRequestPrecondition(matter, context.Today),
        MatterAction.Close => Closable(matter, context.Today),
        _ => null,
    };

    /// <summary>"Whoever issued the notice" delivers it (API.md): the bureau's registrar for the bureau's, the unit's staff for theirs.</summary>
    private static bool MayDeliver(Matter matter, Notice notice, DecisionContext context) =>
        notice.IssuingUnitId == matter.RegisteringUnitId && context.Actor.PartiesFor(matter).HasFlag(Party.Registrar)
        || notice.IssuingUnitId == context.Actor.UnitId;

    private static string WindowCode(Matter matter) =>
        matter.Status == MatterStatus.Reviewed || matter.ReviewOpinion is not null ? Deadlines.PeriodRules.RecheckRequest : Deadlines.PeriodRules.ReviewRequest;

    /// <summary>One row of the table for the command <typeparamref name="TCommand"/>, whose history row keeps a <typeparamref name="TDetails"/>.</summary>
    private static Transition Row<TCommand, TDetails>(MatterAction action, MatterStatus[] from, MatterStatus? to, Party who,
                                                      Func<Step, TCommand, Result<MatterChange>> decide)
        where TCommand : MatterCommand
        where TDetails : EventDetails =>
        Row(action, from, to, who, decide) with { Details = typeof(TDetails) };

    /// <summary>One row of the table for the command <typeparamref name="TCommand"/>, whose history row keeps nothing beyond the note.</summary>
    private static Transition Row<TCommand>(MatterAction action, MatterStatus[] from, MatterStatus? to, Party who,
                                            Func<Step, TCommand, Result<MatterChange>> decide)
        where TCommand : MatterCommand =>
        new(action, from.ToHashSet(), to, who)
        {
            Command = typeof(TCommand),
            Decide = (step, command) => decide(step, (TCommand)command),
        };

    /// <summary>What every decision needs: the matter, the row of the table, the day, the context and the actor's parties.</summary>
    internal sealed record Step(Matter Matter, Transition Row, DateOnly On, DecisionContext Context, Party Parties)
    {
        public MatterStatus From => Matter.Status;

        public string Actor => Context.Actor.Name;

        public MatterChange Change(string? note = null) =>
            new(Row.Action, From, Row.Target(From), On, string.IsNullOrWhiteSpace(note) ? null : note.Trim());

        public NoticeDraft Notice(NoticeKind kind, Recipient recipient, Guid issuingUnit, Guid? recipientUnit = null,
                                  IReadOnlyDictionary<string, string>? extra = null) =>
            new(kind, recipient, recipientUnit, issuingUnit, NoticeContent.Fields(Matter, kind, recipient, issuingUnit, Context, On, extra));
    }
}
