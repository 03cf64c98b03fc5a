using System.Diagnostics;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Matters.MatterStatus;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The statutory procedure as data (LIFECYCLE.md "Transitions") and the pure decisions over it:
/// <c>Decide(matter, command, context)</c> returns a <see cref="MatterChange"/> or a named error, never both, never a
/// silent no-op. The decisions for each group of actions live in the partial files beside this one.
/// </summary>
public static partial class Lifecycle
{
    private const Party Handlers = Party.UnitHandler | Party.UnitHead;

    public static readonly IReadOnlyList<Transition> Table =
    [
        new(MatterAction.Transfer, Set(Registered), Transferred, Party.Registrar),
        new(MatterAction.Assign, Set(Registered), Assigned, Party.Registrar),
        new(MatterAction.Route, Set(Registered), Routed, Party.Registrar),
        new(MatterAction.Route, Set(Transferred, Assigned), Routed, Party.UnitHandler),
        new(MatterAction.Refer, Set(Registered), Referred, Party.Registrar),
        new(MatterAction.Decline, Set(Registered), Declined, Party.Registrar),
        new(MatterAction.SelfHandle, Set(Registered), Accepted, Party.Registrar),
        new(MatterAction.Accept, Set(Transferred, Assigned), Accepted, Party.UnitHandler),
        new(MatterAction.Object, Set(Transferred, Assigned), Registered, Party.UnitHandler),
        new(MatterAction.Extend, Set(Accepted), null, Party.UnitHead),
        new(MatterAction.Log, Set(Accepted), null, Handlers),
        new(MatterAction.Log, Set(UnderReview), null, Party.ReviewHandler | Party.ReviewHead),
        new(MatterAction.Log, Set(UnderRecheck), null, Party.RecheckHandler | Party.RecheckHead),
        new(MatterAction.Conclude, Set(Accepted), Concluded, Handlers),
        new(MatterAction.ApproveConclusion, Set(Accepted), Concluded, Party.UnitHead),
        new(MatterAction.Deliver, Set(Enum.GetValues<MatterStatus>()), null,
            Party.Registrar | Handlers | Party.ReviewHandler | Party.ReviewHead | Party.RecheckHandler | Party.RecheckHead),
        new(MatterAction.Implement, Set(Concluded, UnderReview, Reviewed, UnderRecheck, Rechecked, Closed), null, Party.UnitHandler),
        new(MatterAction.Evaluate, Set(Concluded, Reviewed, Rechecked), null, Party.Petitioner),
        new(MatterAction.RequestReview, Set(Concluded), UnderReview, Party.Petitioner),
        new(MatterAction.ConcludeReview, Set(UnderReview), Reviewed, Party.ReviewHead),
        new(MatterAction.RequestRecheck, Set(Reviewed), UnderRecheck, Party.Petitioner),
        new(MatterAction.Hearing, Set(UnderRecheck), null, Party.RecheckHead),
        new(MatterAction.ConcludeRecheck, Set(UnderRecheck), Rechecked, Party.RecheckHead),
        new(MatterAction.Close, Set(Concluded, Reviewed), Closed, Party.Registrar | Party.System),
    ];

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
        if (on > context.Today)
        {
            return MatterErrors.OnInFuture(on, context.Today);
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

        if (on < EarliestOn(matter, command))
        {
            return MatterErrors.OnBeforePreviousStep(on, EarliestOn(matter, command));
        }

        if (Precondition(matter, command.Action, context) is { } unavailable)
        {
            return unavailable;
        }

        var step = new Step(matter, row, on, context, parties);
        return command switch
        {
            Transfer c => DecideTransfer(step, c),
            Assign c => DecideAssign(step, c),
            RouteOut c => DecideRoute(step, c),
            Refer c => DecideRefer(step, c),
            Decline c => DecideDecline(step, c),
            SelfHandle c => DecideSelfHandle(step, c),
            Accept c => DecideAccept(step, c),
            RaiseObjection c => DecideObjection(step, c),
            Extend c => DecideExtend(step, c),
            AddLog c => DecideLog(step, c),
            Conclude c => DecideConclude(step, c),
            ApproveConclusion c => DecideApproval(step, c),
            Deliver c => DecideDelivery(step, c),
            Implement c => DecideImplementation(step, c),
            Evaluate c => DecideEvaluation(step, c),
            RequestReview c => DecideReviewRequest(step, c),
            ConcludeReview c => DecideReviewOpinion(step, c),
            RequestRecheck c => DecideRecheckRequest(step, c),
            HoldHearing c => DecideHearing(step, c),
            ConcludeRecheck c => DecideRecheckOpinion(step, c),
            CloseMatter c => DecideClose(step, c),
            _ => throw new UnreachableException($"No decision for {command.GetType().Name}"),
        };
    }

    /// <summary>
    /// No step may be dated before the one it follows. A delivery follows the notice it delivers, a log entry the
    /// step that opened the current stage (the acceptance, the review or recheck request), not a delivery or an
    /// extension recorded since; every other step follows the matter's latest step.
    /// </summary>
    private static DateOnly EarliestOn(Matter matter, MatterCommand command) => command switch
    {
        Deliver d => matter.Notices.FirstOrDefault(n => n.Id == d.NoticeId)?.IssuedOn ?? matter.LastStepOn,
        AddLog => matter.Events.LastOrDefault(e => e.From != e.To)?.On ?? matter.LastStepOn,
        _ => matter.LastStepOn,
    };

    /// <summary>What must already be true, beyond the state, for an action to be offered at all.</summary>
    private static Error? Precondition(Matter matter, MatterAction action, DecisionContext context) => action switch
    {
        MatterAction.Extend when matter.ExtensionDays > 0 =>
            MatterErrors.Rule("matter.already-extended", "已延期", "办理期限只能延长一次（第三十四条），本事项已经延期。"),
        MatterAction.Conclude when matter.Conclusion is { IsIssued: false } =>
            Error.Conflict("matter.draft-pending", "处理意见待审批", "已有一份处理意见草稿等待单位负责人审批，请先审批或退回。"),
        MatterAction.ApproveConclusion when matter.Conclusion is not { IsIssued: false } =>
            Error.Conflict("matter.no-draft", "没有待审批的处理意见", "承办人尚未提交处理意见草稿。"),
        // Offered only to someone who may deliver one of the notices still waiting: the unit that issued it.
        MatterAction.Deliver when !matter.Notices.Any(n => n.DeliveredOn is null && n.Kind != NoticeKind.Receipt && MayDeliver(matter, n, context)) =>
            Error.Conflict("matter.nothing-to-deliver", "没有待送达的文书", "本事项没有需要您送达的文书（文书由发文单位送达）。"),
        MatterAction.Implement when matter.Conclusion is not { IsIssued: true, Supports: true } || matter.Implementation is not null =>
            Error.Conflict("matter.nothing-to-implement", "无需落实", "只有结论为“支持”且尚未记录落实情况的处理意见需要落实。"),
        MatterAction.Evaluate when matter.Evaluations.Select(e => e.Target).Distinct().Count() == 2 =>
            Error.Conflict("matter.already-evaluated", "已评价", "信访人已对信访部门和责任单位作出评价。"),
        MatterAction.RequestReview when matter.Conclusion is { Outcome: Outcome.Mediated or Outcome.Replied } =>
            Error.Conflict("matter.not-reviewable", "不适用复查", "调解（和解）协议和对建议意见的答复不适用复查程序（第三十五条针对信访处理意见）。"),
        MatterAction.RequestReview or MatterAction.RequestRecheck when matter.LatestDeadline(WindowCode(matter)) is null =>
            Error.Conflict("matter.opinion-not-delivered", "意见尚未送达", "意见书送达后，复查（复核）申请期限才开始计算，请先记录送达。"),
        MatterAction.Close => Closable(matter, context.Today),
        _ => null,
    };

    /// <summary>"Whoever issued the notice" delivers it (API.md): the bureau's registrar for the bureau's, the unit's staff for theirs.</summary>
    private static bool MayDeliver(Matter matter, Notice notice, DecisionContext context) =>
        notice.IssuingUnitId == matter.RegisteringUnitId && context.Actor.PartiesFor(matter).HasFlag(Party.Registrar)
        || notice.IssuingUnitId == context.Actor.UnitId;

    private static string WindowCode(Matter matter) =>
        matter.Status == MatterStatus.Reviewed ? Deadlines.PeriodRules.RecheckRequest : Deadlines.PeriodRules.ReviewRequest;

    /// <summary>A matter is archived once the petitioner's window has run out, or, where there is no window, once the last document was delivered.</summary>
    private static Error? Closable(Matter matter, DateOnly today)
    {
        var needsWindow = matter.Status == MatterStatus.Reviewed || matter.Notices.Any(n => n.Kind.StartsReviewWindow());
        if (!needsWindow)
        {
            return matter.Notices.Any(n => n.Kind is NoticeKind.MediationAgreement or NoticeKind.Reply && n.DeliveredOn is null)
                ? Error.Conflict("matter.opinion-not-delivered", "文书尚未送达", "请先记录调解协议书或答复意见书的送达，再归档。")
                : null;
        }

        var window = matter.LatestDeadline(WindowCode(matter));
        if (window is null)
        {
            return Error.Conflict("matter.opinion-not-delivered", "意见尚未送达", "意见书送达后，复查（复核）申请期限才开始计算，请先记录送达。");
        }

        return window.DueOn >= today
            ? Error.Conflict("matter.window-open", "申请期限未届满",
                $"信访人可在 {window.DueOn:yyyy-MM-dd} 前提出{(matter.Status == MatterStatus.Concluded ? "复查" : "复核")}请求，期满后方可归档。")
            : null;
    }

    private static HashSet<MatterStatus> Set(params MatterStatus[] states) => [.. states];

    /// <summary>What every decision needs: the matter, the row of the table, the day, the context and the actor's parties.</summary>
    private sealed record Step(Matter Matter, Transition Row, DateOnly On, DecisionContext Context, Party Parties)
    {
        public MatterStatus From => Matter.Status;

        public MatterChange Change(MatterCommand command, string? note) =>
            new(command, Row.Action, From, Row.Target(From), On, string.IsNullOrWhiteSpace(note) ? null : note.Trim());

        public NoticeDraft Notice(NoticeKind kind, Recipient recipient, Guid issuingUnit, Guid? recipientUnit = null,
                                  IReadOnlyDictionary<string, string>? extra = null) =>
            new(kind, recipient, recipientUnit, issuingUnit, NoticeContent.Fields(Matter, kind, recipient, issuingUnit, Context, On, extra));
    }
}
