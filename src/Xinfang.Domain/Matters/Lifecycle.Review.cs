using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

public sealed record RequestReview(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.RequestReview;
}

public sealed record ConcludeReview(ReviewDecision Decision, string? Opinion = null, string? LegalBasis = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ConcludeReview;
}

public sealed record RequestRecheck(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.RequestRecheck;
}

public sealed record Hearing(DateOnly From, DateOnly To, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Hearing;
}

public sealed record ConcludeRecheck(ReviewDecision Decision, string? Opinion = null, string? LegalBasis = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ConcludeRecheck;
}

/// <summary>A review or recheck request that came after its window; the bureau records it and refuses it with a notice.</summary>
public sealed record DeclineLateRequest(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.DeclineLateRequest;
}

public sealed record Close(DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Close;
}

/// <summary>Review (复查, 第三十五条) and recheck (复核, 第三十六条), one level up each, and archiving.</summary>
public static partial class Lifecycle
{
    /// <summary>
    /// The two requests differ only in names and in whose opinion is contested: review asks the body above the unit
    /// that issued the handling opinion (第三十五条), recheck the body above the reviewer (第三十六条).
    /// </summary>
    private sealed record Stage(string What, string Window, string Deadline, Func<Matter, Guid?> Contested, string MissingCode, string MissingTitle,
                                Func<Guid, MatterChange, MatterChange> Sets);

    private static readonly Stage ReviewStage = new("复查", PeriodRules.ReviewRequest, PeriodRules.Review, m => m.UnitId,
        "matter.no-review-body", "未设置复查机关", (body, change) => change with { ReviewBody = body });

    private static readonly Stage RecheckStage = new("复核", PeriodRules.RecheckRequest, PeriodRules.Recheck, m => m.ReviewBodyId,
        "matter.no-recheck-body", "未设置复核机关", (body, change) => change with { RecheckBody = body });

    /// <summary>The stage a request on this matter belongs to: recheck once there is a review opinion, review before.</summary>
    private static Stage StageOf(Matter matter) => matter.ReviewOpinion is null ? ReviewStage : RecheckStage;

    private static Result<MatterChange> DecideRequestReview(Step step, RequestReview command) => DecideRequest(step, command.Reason, ReviewStage);

    private static Result<MatterChange> DecideRequestRecheck(Step step, RequestRecheck command) => DecideRequest(step, command.Reason, RecheckStage);

    private static Result<MatterChange> DecideRequest(Step step, string? reason, Stage stage)
    {
        // A request after the window changes nothing: the bureau records it with "decline-late-request", which issues
        // the 不予受理告知书 the petitioner must receive (reason: 未在规定期限内提出).
        var window = step.Matter.LatestDeadline(stage.Window)!;
        if (step.On > window.DueOn)
        {
            return MatterErrors.DeadlinePassed($"申请{stage.What}（送达之日起 {step.Context.Deadlines.Rule(stage.Window).Length}）", window.DueOn,
                    $"请以“{MatterAction.DeclineLateRequest.ToChinese()}”出具不予受理告知书。")
                .With("notice", NoticeKind.DeclineNotice)
                .With("action", MatterAction.DeclineLateRequest);
        }

        var body = AddressedBody(step, stage);
        if (body is null)
        {
            var contested = stage.Contested(step.Matter);
            return MatterErrors.Rule(stage.MissingCode, stage.MissingTitle,
                $"“{step.Context.NameOf(contested)}”在组织机构中没有设置上一级的{stage.What}机关，请系统管理员先在组织机构中设置。");
        }

        return stage.Sets(body.Id, step.Change(reason)) with
        {
            Closed = [stage.Window],
            Opened = [step.Context.Deadlines.Open(stage.Deadline, step.On, step.Matter.Qualifiers)],
            Details = new RequestDetails(body.Id, body.Name),
        };
    }

    /// <summary>One level above the issuer of the contested opinion (第三十五条、第三十六条), from the organisation tree.</summary>
    private static Organisation.Unit? AddressedBody(Step step, Stage stage) =>
        step.Context.UnitOf(step.Context.UnitOf(stage.Contested(step.Matter))?.ReviewBodyId);

    /// <summary>Offered once the petitioner's window has run out and its refusal has not been issued yet.</summary>
    private static Error? LateRequestPrecondition(Matter matter, DateOnly today)
    {
        var stage = StageOf(matter);
        var window = matter.LatestDeadline(stage.Window);
        if (window is null || today <= window.DueOn)
        {
            return Error.Conflict("matter.window-open", "申请期限未届满", $"信访人仍可在期限内申请{stage.What}，无需出具不予受理告知书。");
        }

        return null;
    }

    /// <summary>
    /// 第三十五条、第三十六条: a request after the window is not accepted, and the petitioner is told so in writing by
    /// the body it was addressed to. Asked again for the same window, it answers with what was already issued.
    /// </summary>
    private static Result<MatterChange> DecideDeclineLateRequest(Step step, DeclineLateRequest command)
    {
        var stage = StageOf(step.Matter);
        var window = step.Matter.LatestDeadline(stage.Window)!;
        if (step.On <= window.DueOn)
        {
            return MatterErrors.Invalid("matter.request-in-time", $"{step.On:yyyy-MM-dd} 仍在{stage.What}申请期限内（至 {window.DueOn:yyyy-MM-dd}），请办理“申请{stage.What}”。", "on");
        }

        var already = step.Matter.Events.Any(e => e.Action == MatterAction.DeclineLateRequest && e.Details is DeclineDetails d && d.WindowDue == window.DueOn);
        if (already)
        {
            return step.Change() with { AlreadyDone = true };
        }

        var issuer = AddressedBody(step, stage)?.Id ?? step.Matter.UnitId ?? step.Matter.RegisteringUnitId;
        return step.Change(command.Note ?? $"逾期申请{stage.What}，不予受理") with
        {
            Notices = [step.Notice(NoticeKind.DeclineNotice, Recipient.Petitioner, issuer, extra: new Dictionary<string, string>
            {
                ["不予受理理由"] = DeclineReason.LateRequest.ToChinese(),
                ["申请期限"] = ChineseText.LongDate(window.DueOn),
            })],
            Details = new DeclineDetails(DeclineReason.LateRequest, null) { WindowDue = window.DueOn },
        };
    }

    private static Result<MatterChange> DecideConcludeReview(Step step, ConcludeReview command) =>
        Opinion(step, command.Opinion, command.LegalBasis, command.Decision, PeriodRules.Review, NoticeKind.ReviewOpinion, step.Matter.ReviewBodyId!.Value,
            (opinion, change) => change with { ReviewOpinion = opinion });

    private static Result<MatterChange> DecideConcludeRecheck(Step step, ConcludeRecheck command) =>
        Opinion(step, command.Opinion, command.LegalBasis, command.Decision, PeriodRules.Recheck, NoticeKind.RecheckOpinion, step.Matter.RecheckBodyId!.Value,
            (opinion, change) => change with { RecheckOpinion = opinion });

    private static Result<MatterChange> Opinion(Step step, string? opinion, string? legalBasis, ReviewDecision decision,
                                                string deadline, NoticeKind kind, Guid issuer, Func<BodyOpinion, MatterChange, MatterChange> sets)
    {
        if (string.IsNullOrWhiteSpace(opinion))
        {
            return MatterErrors.Invalid("matter.opinion-required", "请填写意见内容。", "opinion");
        }

        if (string.IsNullOrWhiteSpace(legalBasis))
        {
            return MatterErrors.Invalid("matter.legal-basis-required", "请写明法律、法规、规章或政策依据。", "legalBasis");
        }

        return sets(new BodyOpinion(decision, opinion.Trim(), legalBasis.Trim(), step.On), step.Change(opinion)) with
        {
            Closed = [deadline],
            Notices = [step.Notice(kind, Recipient.Petitioner, issuer, extra: new Dictionary<string, string>
            {
                ["决定"] = decision.ToChinese(),
                ["意见"] = opinion.Trim(),
                ["依据"] = legalBasis.Trim(),
            })],
            Details = new OpinionDetails(decision),
        };
    }

    private static Result<MatterChange> DecideHearing(Step step, Hearing command)
    {
        var recheck = step.Matter.OpenDeadline(PeriodRules.Recheck);
        if (command.To < command.From)
        {
            return MatterErrors.Invalid("matter.hearing-dates", "听证结束日期不能早于开始日期。", "to");
        }

        if (recheck is null || command.From < recheck.StartOn)
        {
            return MatterErrors.Invalid("matter.hearing-dates", "听证日期须在收到复核请求之后。", "from");
        }

        if (command.From > recheck.DueOn)
        {
            return MatterErrors.Invalid("matter.hearing-dates", $"听证须在复核期限届满（{recheck.DueOn:yyyy-MM-dd}）之前开始。", "from");
        }

        // 第三十六条第二款: hearing time does not count towards the 30 days.
        var days = command.To.DayNumber - command.From.DayNumber + 1;
        if (days > Limits.HearingDays)
        {
            return MatterErrors.Invalid("matter.hearing-too-long", $"一次听证不超过 {Limits.HearingDays} 日；所填日期共 {days} 日。", "to");
        }

        var moved = Periods.Due(step.Context.Deadlines.Calendar, recheck.StartOn, recheck.Days + recheck.ExtraDays + days, recheck.Kind, recheck.RollForward);
        return step.Change() with
        {
            Rescheduled = [new Rescheduled(PeriodRules.Recheck, recheck.DueOn, moved.Due, moved.Provisional, $"听证 {days} 日不计入复核期限") { HearingDays = days }],
            Notices = [step.Notice(NoticeKind.HearingNotice, Recipient.Petitioner, step.Matter.RecheckBodyId!.Value, extra: new Dictionary<string, string>
            {
                ["听证日期"] = command.From == command.To
                    ? ChineseText.LongDate(command.From)
                    : $"{ChineseText.LongDate(command.From)}至{ChineseText.LongDate(command.To)}",
            })],
            Details = new HearingDetails(command.From, command.To, days),
        };
    }

    /// <summary>
    /// A matter is archived once the petitioner's window has run out or, where there is none, once the last document
    /// was delivered — and a supported opinion only once it was carried out (第三十二条第二款: the body urges its
    /// execution; an archived file could no longer record it).
    /// </summary>
    private static Error? Closable(Matter matter, DateOnly today) =>
        WindowClosed(matter, today) ?? (matter.AwaitsImplementation
            ? Error.Conflict("matter.not-implemented", "处理意见尚未落实", "处理意见支持信访人的请求，请先记录落实情况，再归档（第三十二条第二款）。")
            : null);

    private static Error? WindowClosed(Matter matter, DateOnly today)
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

    /// <summary>
    /// The precondition checks the window against today; the archive date itself must also lie after the window, or
    /// a back-dated close would record the matter archived while the petitioner could still ask (第三十五条、第三十六条).
    /// Archiving ends the petitioner's windows with the matter: they ran out, which is why it may close.
    /// </summary>
    private static Result<MatterChange> DecideClose(Step step, Close command) =>
        Closable(step.Matter, step.On) is { } open
            ? open
            : step.Change() with { Cancelled = [PeriodRules.ReviewRequest, PeriodRules.RecheckRequest] };
}
