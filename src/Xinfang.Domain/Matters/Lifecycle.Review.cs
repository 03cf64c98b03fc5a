using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>Review (复查, 第三十五条) and recheck (复核, 第三十六条), one level up each, and archiving.</summary>
public static partial class Lifecycle
{
    private static Result<MatterChange> DecideReviewRequest(Step step, RequestReview command)
    {
        var window = step.Matter.LatestDeadline(PeriodRules.ReviewRequest)!;
        if (LateRequest(step, command, window, "复查") is { } late)
        {
            return late;
        }

        var body = step.Context.UnitOf(step.Context.UnitOf(step.Matter.UnitId)?.ReviewBodyId);
        if (body is null)
        {
            return MatterErrors.Rule("matter.no-review-body", "未设置复查机关",
                $"“{step.Context.NameOf(step.Matter.UnitId)}”在组织机构中没有设置复查机关，请系统管理员先在组织机构中设置。");
        }

        return step.Change(command, command.Reason) with
        {
            Holder = body.Id,
            Closed = [PeriodRules.ReviewRequest],
            Opened = [step.Context.Clocks.Open(PeriodRules.Review, step.On, step.Matter.Qualifiers)],
            Data = Data(("reviewBody", body.Name)),
        };
    }

    private static Result<MatterChange> DecideRecheckRequest(Step step, RequestRecheck command)
    {
        var window = step.Matter.LatestDeadline(PeriodRules.RecheckRequest)!;
        if (LateRequest(step, command, window, "复核") is { } late)
        {
            return late;
        }

        var body = step.Context.UnitOf(step.Context.UnitOf(step.Matter.ReviewBodyId)?.ReviewBodyId);
        if (body is null)
        {
            return MatterErrors.Rule("matter.no-recheck-body", "未设置复核机关",
                $"复查机关“{step.Context.NameOf(step.Matter.ReviewBodyId)}”在组织机构中没有上一级机关，请系统管理员先在组织机构中设置。");
        }

        return step.Change(command, command.Reason) with
        {
            Holder = body.Id,
            Closed = [PeriodRules.RecheckRequest],
            Opened = [step.Context.Clocks.Open(PeriodRules.Recheck, step.On, step.Matter.Qualifiers)],
            Data = Data(("recheckBody", body.Name)),
        };
    }

    /// <summary>
    /// A request after the window is not accepted. The refusal is recorded with the 不予受理 notice the petitioner must
    /// receive (reason: 未在规定期限内提出), and the caller is answered <c>matter.deadline-passed</c>.
    /// </summary>
    private static Result<MatterChange>? LateRequest(Step step, MatterCommand command, Deadline window, string what)
    {
        if (step.On <= window.DueOn)
        {
            return null;
        }

        var refusal = MatterErrors.DeadlinePassed($"申请{what}（送达之日起 30 日）", window.DueOn, "已依法出具不予受理告知书，请送达信访人。")
            .With("notice", NoticeKind.DeclineNotice);
        // The body the request was addressed to refuses it: one level above the opinion's issuer (第三十五条、第三十六条).
        var addressee = command is RequestRecheck ? step.Matter.ReviewBodyId : step.Matter.UnitId;
        var issuer = step.Context.UnitOf(step.Context.UnitOf(addressee)?.ReviewBodyId)?.Id ?? step.Matter.UnitId ?? step.Matter.RegisteringUnitId;
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
