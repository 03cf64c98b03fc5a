using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>Review (复查, 第三十五条) and recheck (复核, 第三十六条), one level up each, and archiving.</summary>
public static partial class Lifecycle
{
    /// <summary>
    /// The two requests differ only in names and in whose opinion is contested: review asks the body above the unit
    /// that issued the handling opinion (第三十五条), recheck the body above the reviewer (第三十六条).
    /// </summary>
    private sealed record Stage(string What, string Window, string Clock, Func<Matter, Guid?> Contested, string MissingCode, string MissingTitle, string DataKey);

    private static readonly Stage ReviewStage = new("复查", PeriodRules.ReviewRequest, PeriodRules.Review, m => m.UnitId,
        "matter.no-review-body", "未设置复查机关", "reviewBody");

    private static readonly Stage RecheckStage = new("复核", PeriodRules.RecheckRequest, PeriodRules.Recheck, m => m.ReviewBodyId,
        "matter.no-recheck-body", "未设置复核机关", "recheckBody");

    private static Result<MatterChange> DecideReviewRequest(Step step, RequestReview command) => DecideRequest(step, command, command.Reason, ReviewStage);

    private static Result<MatterChange> DecideRecheckRequest(Step step, RequestRecheck command) => DecideRequest(step, command, command.Reason, RecheckStage);

    private static Result<MatterChange> DecideRequest(Step step, MatterCommand command, string? reason, Stage stage)
    {
        var window = step.Matter.LatestDeadline(stage.Window)!;
        if (LateRequest(step, command, window, stage) is { } late)
        {
            return late;
        }

        var contested = stage.Contested(step.Matter);
        var body = step.Context.UnitOf(step.Context.UnitOf(contested)?.ReviewBodyId);
        if (body is null)
        {
            return MatterErrors.Rule(stage.MissingCode, stage.MissingTitle,
                $"“{step.Context.NameOf(contested)}”在组织机构中没有设置上一级的{stage.What}机关，请系统管理员先在组织机构中设置。");
        }

        return step.Change(command, reason) with
        {
            Holder = body.Id,
            Closed = [stage.Window],
            Opened = [step.Context.Clocks.Open(stage.Clock, step.On, step.Matter.Qualifiers)],
            Data = Data((stage.DataKey, body.Name)),
        };
    }

    /// <summary>
    /// A request after the window is not accepted. The refusal is recorded with the 不予受理 notice the petitioner must
    /// receive (reason: 未在规定期限内提出), and the caller is answered <c>matter.deadline-passed</c>.
    /// </summary>
    private static Result<MatterChange>? LateRequest(Step step, MatterCommand command, Deadline window, Stage stage)
    {
        var what = stage.What;
        if (step.On <= window.DueOn)
        {
            return null;
        }

        var refusal = MatterErrors.DeadlinePassed($"申请{what}（送达之日起 30 日）", window.DueOn, "已依法出具不予受理告知书，请送达信访人。")
            .With("notice", NoticeKind.DeclineNotice);
        // The body the request was addressed to refuses it: one level above the opinion's issuer (第三十五条、第三十六条).
        var issuer = step.Context.UnitOf(step.Context.UnitOf(stage.Contested(step.Matter))?.ReviewBodyId)?.Id ?? step.Matter.UnitId ?? step.Matter.RegisteringUnitId;
        return new MatterChange(command, command.Action, step.From, step.From, step.On, $"逾期申请{what}，不予受理")
        {
            Notices = [step.Notice(NoticeKind.DeclineNotice, Recipient.Petitioner, issuer, extra: new Dictionary<string, string>
            {
                ["不予受理理由"] = DeclineReason.LateRequest.ToChinese(),
                ["申请期限"] = Chinese(window.DueOn),
            })],
            Data = Data(("late", true), ("windowDue", window.DueOn)),
            Refusal = refusal,
        };
    }

    private static Result<MatterChange> DecideReviewOpinion(Step step, ConcludeReview command) =>
        Opinion(step, command, command.Opinion, command.LegalBasis, command.Decision, PeriodRules.Review, NoticeKind.ReviewOpinion, step.Matter.ReviewBodyId!.Value);

    private static Result<MatterChange> DecideRecheckOpinion(Step step, ConcludeRecheck command) =>
        Opinion(step, command, command.Opinion, command.LegalBasis, command.Decision, PeriodRules.Recheck, NoticeKind.RecheckOpinion, step.Matter.RecheckBodyId!.Value);

    private static Result<MatterChange> Opinion(Step step, MatterCommand command, string? opinion, string? legalBasis, ReviewDecision decision,
                                                string clock, NoticeKind kind, Guid issuer)
    {
        if (string.IsNullOrWhiteSpace(opinion))
        {
            return MatterErrors.Invalid("matter.opinion-required", "请填写意见内容。", "opinion");
        }

        if (string.IsNullOrWhiteSpace(legalBasis))
        {
            return MatterErrors.Invalid("matter.legal-basis-required", "请写明法律、法规、规章或政策依据。", "legalBasis");
        }

        return step.Change(command, opinion) with
        {
            Closed = [clock],
            Notices = [step.Notice(kind, Recipient.Petitioner, issuer, extra: new Dictionary<string, string>
            {
                ["决定"] = decision.ToChinese(),
                ["意见"] = opinion.Trim(),
                ["依据"] = legalBasis.Trim(),
            })],
            Data = Data(("decision", decision)),
        };
    }

    private static Result<MatterChange> DecideHearing(Step step, HoldHearing command)
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

        // 第三十六条第二款: hearing time does not count towards the 30 days.
        var days = command.To.DayNumber - command.From.DayNumber + 1;
        var moved = Periods.Due(step.Context.Clocks.Calendar, recheck.StartOn, recheck.Days + recheck.ExtraDays + days, recheck.Kind, recheck.RollForward);
        return step.Change(command, null) with
        {
            Rescheduled = [new Rescheduled(PeriodRules.Recheck, recheck.DueOn, moved.Due, moved.Provisional, $"听证 {days} 日不计入复核期限")],
            Notices = [step.Notice(NoticeKind.HearingNotice, Recipient.Petitioner, step.Matter.RecheckBodyId!.Value, extra: new Dictionary<string, string>
            {
                ["听证日期"] = command.From == command.To ? Chinese(command.From) : $"{Chinese(command.From)}至{Chinese(command.To)}",
            })],
            Data = Data(("from", command.From), ("to", command.To), ("days", days)),
        };
    }

    /// <summary>
    /// The precondition checks the window against today; the archive date itself must also lie after the window, or
    /// a back-dated close would record the matter archived while the petitioner could still ask (第三十五条、第三十六条).
    /// </summary>
    /// <summary>Archiving ends the petitioner's windows with the matter: they ran out, which is why it may close.</summary>
    private static Result<MatterChange> DecideClose(Step step, CloseMatter command) =>
        Closable(step.Matter, step.On) is { } open
            ? open
            : step.Change(command, null) with { Cancelled = [PeriodRules.ReviewRequest, PeriodRules.RecheckRequest] };
}
