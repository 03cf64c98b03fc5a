using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

public sealed record Accept(bool Simplified = false, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Accept;
}

public sealed record Objection(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Objection;
}

public sealed record Extend(int Days, string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Extend;
}

public sealed record Log(LogKind Kind, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Log;
}

public sealed record Conclude(Outcome Outcome, string? Facts = null, string? LegalBasis = null, string? Opinion = null,
                              IReadOnlyList<ConclusionItem>? Items = null, IReadOnlyList<StandardMet>? Standards = null,
                              DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Conclude;
}

public sealed record ApproveConclusion(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ApproveConclusion;
}

public sealed record Deliver(Guid NoticeId, DeliveryMethod Method, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Deliver;
}

public sealed record Implement(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Implement;
}

public sealed record Evaluate(EvaluationTarget Target, Rating Rating, string? Comment = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Evaluate;
}

/// <summary>At the unit: accept or object, handle, extend, conclude, deliver, implement; and the petitioner's evaluation.</summary>
public static partial class Lifecycle
{
    /// <summary>The notices this actor may record as delivered: undelivered ones their unit issued ("whoever issued the notice").</summary>
    public static IEnumerable<Notice> Deliverable(Matter matter, DecisionContext context) =>
        matter.Notices.Where(n => n.DeliveredOn is null && n.Kind != NoticeKind.Receipt && !IsCorrected(matter, n) && MayDeliver(matter, n, context));

    private static Result<MatterChange> DecideAccept(Step step, Accept command)
    {
        var matter = step.Matter;
        if (command.Simplified && !matter.Has(MatterFlag.FirstTime))
        {
            // 《信访事项简易办理办法（试行）》: only first-time petitions (初次信访) qualify.
            return MatterErrors.Invalid("matter.simplified-not-eligible", "简易办理只适用于初次信访事项（初信初访），本事项未标记为初信初访。", "simplified");
        }

        // Accepting after the 15 days is allowed: 第四十四条 sanctions a late notice, it does not forbid accepting.
        var notice = matter.OpenDeadline(PeriodRules.AcceptanceNotice);
        var late = notice is not null && step.On > notice.DueOn;
        var handling = matter.IsAssigned
            ? null // the assigning bureau's report-back date is the handling deadline (第二十二条第一款第三项)
            : step.Context.Deadlines.Open(command.Simplified ? PeriodRules.HandlingSimplified : PeriodRules.Handling, step.On, matter.Qualifiers);
        return step.Change(command.Note) with
        {
            Acceptance = new Acceptance(step.On, command.Simplified),
            Closed = [PeriodRules.AcceptanceNotice],
            Cancelled = [PeriodRules.Objection],
            Opened = handling is null ? [] : [handling],
            Notices = [step.Notice(NoticeKind.AcceptanceNotice, Recipient.Petitioner, matter.UnitId!.Value)],
            Details = command.Simplified || late ? new AcceptDetails(command.Simplified, late) : null,
        };
    }

    private static Result<MatterChange> DecideObjection(Step step, Objection command)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return MatterErrors.Invalid("matter.reason-required", "请写明不属于本单位职权范围的具体理由（第二十三条第三款）。", "reason");
        }

        var window = step.Matter.OpenDeadline(PeriodRules.Objection);
        if (window is not null && step.On > window.DueOn)
        {
            var days = step.Context.Deadlines.Rule(PeriodRules.Objection).Length;
            return MatterErrors.DeadlinePassed($"提出异议（收到之日起 {days}）", window.DueOn, "已不能退回，请依法受理办理，或与信访部门协商。");
        }

        // The bureau's 15 days run from its own receipt (第二十二条): a transfer that comes back does not restart
        // them, so the original disposal deadline is reopened as it was.
        return step.Change(command.Reason) with
        {
            Holding = Holding.Returned,
            Cancelled = [PeriodRules.AcceptanceNotice, PeriodRules.Objection, Deadline.Assigned],
            Reopened = [PeriodRules.Dispose],
            Notices = [step.Notice(NoticeKind.ObjectionLetter, Recipient.Bureau, step.Matter.UnitId!.Value, step.Matter.RegisteringUnitId,
                new Dictionary<string, string> { ["异议理由"] = command.Reason.Trim(), ["转送机关"] = step.Context.NameOf(step.Matter.RegisteringUnitId) })],
        };
    }

    private static Result<MatterChange> DecideExtend(Step step, Extend command)
    {
        // 第三十四条: at most 30 days — or what a local rule for the extension says.
        var limit = step.Context.Deadlines.RuleFor(PeriodRules.Extension, step.Matter.Qualifiers);
        if (command.Days < 1 || command.Days > limit.Days)
        {
            return MatterErrors.Invalid("matter.extension-too-long",
                $"延期不得超过 {limit.Length}（{limit.Article}），请填写 1 到 {limit.Days} 之间的天数。", "days");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return MatterErrors.Invalid("matter.reason-required", "请写明延期理由，理由将告知信访人（第三十四条）。", "reason");
        }

        var handling = step.Matter.OpenDeadline(step.Matter.HandlingCode);
        if (handling is null)
        {
            return Error.Conflict("matter.no-handling-deadline", "没有可延期的办理期限", "本事项没有正在计算的办理期限。");
        }

        if (step.On > handling.DueOn)
        {
            return MatterErrors.DeadlinePassed("办理", handling.DueOn, "延期须在办理期限届满前批准，本事项已超期。");
        }

        var extended = Periods.Due(step.Context.Deadlines.Calendar, handling.DueOn, command.Days, limit.Kind, limit.RollForward);
        return step.Change(command.Reason) with
        {
            ExtensionDays = command.Days,
            Rescheduled = [new Rescheduled(handling.Code, handling.DueOn, extended.Due, extended.Provisional, $"经批准延期 {command.Days} 日")
            {
                ExtensionDays = command.Days,
            }],
            Notices = [step.Notice(NoticeKind.ExtensionNotice, Recipient.Petitioner, step.Matter.UnitId!.Value, extra: new Dictionary<string, string>
            {
                ["延期理由"] = command.Reason.Trim(),
                ["延期天数"] = command.Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["原办理期限"] = ChineseText.LongDate(handling.DueOn),
                ["延期后办理期限"] = ChineseText.LongDate(extended.Due),
            })],
            Details = new ExtendDetails(command.Days, handling.DueOn, extended.Due),
        };
    }

    private static Result<MatterChange> DecideLog(Step step, Log command)
    {
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            return MatterErrors.Invalid("matter.note-required", "请填写办理情况。", "note");
        }

        if (command.Note.Length > Limits.Note)
        {
            return MatterErrors.Invalid("matter.note-too-long", $"办理情况不超过 {Limits.Note} 字。", "note");
        }

        return step.Change(command.Note) with { Details = new LogDetails(command.Kind) };
    }

    private static Result<MatterChange> DecideConclude(Step step, Conclude command)
    {
        if (ConclusionRules.Check(step.Matter, command) is { } invalid)
        {
            return invalid;
        }

        // A handler's opinion is a draft until the unit head approves it; a unit head's is issued at once (API.md "Who").
        var issuedNow = step.Parties.HasFlag(Party.UnitHead);
        var conclusion = new Conclusion(command.Outcome, command.Facts, command.LegalBasis, command.Opinion, command.Items ?? [], command.Standards ?? [],
            step.Actor, step.On, issuedNow ? step.On : null, issuedNow ? step.Actor : null);
        var change = step.Change(command.Opinion) with { Conclusion = conclusion, Details = new ConcludeDetails(command.Outcome, Draft: !issuedNow) };
        return issuedNow ? Issue(step, change, command.Outcome) : change with { To = step.From };
    }

    private static Result<MatterChange> DecideApproveConclusion(Step step, ApproveConclusion command)
    {
        var draft = step.Matter.Conclusion!;
        return Issue(step, step.Change(command.Note) with { Conclusion = draft with { IssuedOn = step.On, ApprovedBy = step.Actor } }, draft.Outcome);
    }

    /// <summary>The opinion is issued: the handling deadline is met (or late), and the document goes to the petitioner.</summary>
    private static MatterChange Issue(Step step, MatterChange change, Outcome outcome)
    {
        var kind = outcome switch
        {
            Outcome.Mediated => NoticeKind.MediationAgreement,
            Outcome.Replied => NoticeKind.Reply,
            Outcome.Support or Outcome.Explain or Outcome.Reject => NoticeKind.HandlingOpinion,
        };
        return change with
        {
            To = MatterStatus.Concluded,
            // The opinion also answers a matter assigned from above: the higher level's due date is met (or late).
            Closed = [step.Matter.HandlingCode, Deadline.Superior],
            Notices = [step.Notice(kind, Recipient.Petitioner, step.Matter.UnitId!.Value, extra: NoticeContent.Opinion(step.Matter, change.Conclusion!))],
        };
    }

    private static Result<MatterChange> DecideDeliver(Step step, Deliver command)
    {
        var notice = step.Matter.Notices.FirstOrDefault(n => n.Id == command.NoticeId);
        if (notice is null)
        {
            return Error.NotFound("notice.not-found", "该事项没有这份文书。");
        }

        if (notice.DeliveredOn is not null)
        {
            return Error.Conflict("notice.already-delivered", "文书已送达", $"{notice.Kind.ToChinese()}（{notice.Number}）已于 {notice.DeliveredOn:yyyy-MM-dd} 送达。");
        }

        if (IsCorrected(step.Matter, notice))
        {
            return Error.Conflict("notice.superseded", "文书已更正", $"{notice.Kind.ToChinese()}（{notice.Number}）已被更正，请送达更正后的文书。");
        }

        if (!MayDeliver(step.Matter, notice, step.Context))
        {
            return MatterErrors.Forbidden(MatterAction.Deliver);
        }

        // The petitioner's windows count from delivery, not from issue (第三十五条、第三十六条).
        var opens = notice.Kind.StartsReviewWindow()
            ? step.Context.Deadlines.Open(PeriodRules.ReviewRequest, step.On, isDuty: false)
            : notice.Kind == NoticeKind.ReviewOpinion
                ? step.Context.Deadlines.Open(PeriodRules.RecheckRequest, step.On, isDuty: false)
                : null;
        return step.Change() with
        {
            Delivery = new Delivery(notice.Id, command.Method),
            Opened = opens is null ? [] : [opens],
            Details = new DeliverDetails(notice.Id, notice.Number, command.Method) { Kind = notice.Kind },
        };
    }

    private static Result<MatterChange> DecideImplement(Step step, Implement command) =>
        string.IsNullOrWhiteSpace(command.Note)
            ? MatterErrors.Invalid("matter.note-required", "请写明落实了什么、如何落实。", "note")
            : step.Change(command.Note) with { Implementation = new Implementation(step.On, command.Note.Trim()) };

    /// <summary>
    /// 第二十一条: the petitioner evaluates the bureau and the unit separately, once per delivered opinion, within the
    /// bureau's window. Staff may record a rating given on paper or by phone; it is kept marked as made on their behalf.
    /// </summary>
    private static Result<MatterChange> DecideEvaluate(Step step, Evaluate command)
    {
        if (Satisfaction.Current(step.Matter, command.Target) is not null)
        {
            return Error.Conflict("matter.already-evaluated", "已评价", $"信访人已对{command.Target.ToChinese()}作出评价。");
        }

        var ends = Satisfaction.WindowEnds(step.Matter, step.Context.EvaluationDays)!.Value;
        if (step.On > ends)
        {
            return Error.Conflict("matter.evaluation-window-passed", "评价期限已过",
                $"评价期限为意见送达之日起 {step.Context.EvaluationDays} 日，已于 {ends:yyyy-MM-dd} 届满，本事项记为超期未评价。");
        }

        var onBehalf = !ReferenceEquals(step.Context.Actor, Actor.Petitioner);
        return step.Change(command.Comment) with
        {
            Evaluation = new Evaluation(command.Target, command.Rating, string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(), step.On,
                step.Actor) { OnBehalf = onBehalf, Stage = Satisfaction.CurrentStage(step.Matter) },
            Details = new EvaluateDetails(command.Target, command.Rating) { OnBehalf = onBehalf },
        };
    }
}
