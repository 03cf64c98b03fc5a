using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Portal;

public sealed record PortalStep(DateOnly On, string Step);

public sealed record PortalDeadline(string Name, DateOnly DueOn);

public sealed record PortalNotice(Guid Id, string Kind, string Number, DateOnly IssuedOn, DateOnly? DeliveredOn);

/// <summary>Something the petitioner may do now, with the last day for it; <see cref="Action"/> names the portal call, null for advice.</summary>
public sealed record PortalNextStep(string? Action, string Label, DateOnly? Until = null);

public sealed record PortalEvaluation(string Target, string TargetLabel, string State, string? Rating, bool OnBehalf);

/// <summary>
/// The petitioner's own view of their matter (API.md "Public portal"): status in plain words, the steps without the
/// names of the staff who took them or their notes, the unit now holding it, open due dates, the notices addressed to
/// the petitioner and what they may do next. Nothing about the accused, other petitioners' identifiers or other matters.
/// </summary>
public sealed record PortalProgress(
    string Number, string Status, string StatusLabel, DateOnly ReceivedOn, string Title, string? CurrentUnit,
    IReadOnlyList<PortalStep> Timeline, IReadOnlyList<PortalDeadline> Deadlines, IReadOnlyList<PortalNotice> Notices,
    IReadOnlyList<PortalEvaluation> Evaluations, DateOnly? EvaluationEnds, IReadOnlyList<PortalNextStep> NextSteps)
{
    public static PortalProgress Of(Matter m, DecisionContext context)
    {
        var petitioner = context with { Actor = Actor.Petitioner };
        var allowed = Lifecycle.Allowed(m, petitioner);
        var ends = Satisfaction.WindowEnds(m, context.EvaluationDays);
        return new PortalProgress(m.Number, KebabEnum.Name(m.Status), PlainStatus(m.Status), m.ReceivedOn, m.Title,
            context.NameOf(m.RecheckBodyId ?? m.ReviewBodyId ?? m.UnitId ?? m.RegisteringUnitId) is { Length: > 0 } unit ? unit : null,
            m.Events.OrderBy(e => e.Id).Where(e => e.Action != MatterAction.Recalculate).Select(e => new PortalStep(e.On, Step(e))).ToList(),
            m.Deadlines.Where(d => d.State == DeadlineState.Open).OrderBy(d => d.DueOn)
                .Select(d => new PortalDeadline(MatterView.Deadline(d, context).Name, d.DueOn)).ToList(),
            m.Notices.Where(n => n.Recipient == Recipient.Petitioner).OrderBy(n => n.IssuedOn).ThenBy(n => n.Number)
                .Select(n => new PortalNotice(n.Id, n.Kind.ToChinese(), n.Number, n.IssuedOn, n.DeliveredOn)).ToList(),
            Enum.GetValues<EvaluationTarget>().Select(t => Evaluation(m, t, context)).ToList(),
            ends,
            Steps(m, allowed, ends, context));
    }

    private static PortalEvaluation Evaluation(Matter m, EvaluationTarget target, DecisionContext context)
    {
        var current = Satisfaction.Current(m, target);
        return new PortalEvaluation(KebabEnum.Name(target), target.ToChinese(), Satisfaction.State(m, target, context.Today, context.EvaluationDays).ToChinese(),
            current?.Rating.ToChinese(), current?.OnBehalf ?? false);
    }

    private static List<PortalNextStep> Steps(Matter m, IReadOnlyList<MatterAction> allowed, DateOnly? evaluationEnds, DecisionContext context)
    {
        var steps = new List<PortalNextStep>();
        if (allowed.Contains(MatterAction.Evaluate) && evaluationEnds is { } ends && context.Today <= ends)
        {
            steps.Add(new PortalNextStep("evaluate", "对信访部门和责任单位的工作作出满意度评价", ends));
        }

        foreach (var (action, window, what) in new[]
                 {
                     (MatterAction.RequestReview, PeriodRules.ReviewRequest, "复查"),
                     (MatterAction.RequestRecheck, PeriodRules.RecheckRequest, "复核"),
                 })
        {
            if (!allowed.Contains(action) || m.LatestDeadline(window) is not { } due)
            {
                continue;
            }

            steps.Add(context.Today <= due.DueOn
                ? new PortalNextStep("review-request", $"对意见不服的，可以申请{what}（《信访工作条例》第{(what == "复查" ? "三十五" : "三十六")}条）", due.DueOn)
                : new PortalNextStep(null, $"申请{what}的期限已于 {due.DueOn:yyyy-MM-dd} 届满；逾期提出的请求不予受理，信访部门将书面告知。"));
        }

        if (m.Status is MatterStatus.Registered or MatterStatus.Transferred or MatterStatus.Assigned or MatterStatus.Accepted
            or MatterStatus.UnderReview or MatterStatus.UnderRecheck)
        {
            steps.Add(new PortalNextStep(null, "事项正在依法办理，请耐心等待；办理单位会按期限书面告知您。"));
        }

        if (m.Status == MatterStatus.Rechecked)
        {
            steps.Add(new PortalNextStep(null, "复核意见为最终意见；就同一事实和理由再提出的信访请求，不再受理（《信访工作条例》第三十六条）。"));
        }

        return steps;
    }

    /// <summary>The step as a person outside the bureau understands it; no staff names, no internal notes.</summary>
    private static string Step(MatterEvent e) => e.Action switch
    {
        MatterAction.Register => "信访部门登记了您的信访事项",
        MatterAction.Transfer => "转送有权处理的单位",
        MatterAction.Assign => "交办有关单位办理",
        MatterAction.Route => "告知通过法定途径解决",
        MatterAction.Refer => "移送有关机关处理",
        MatterAction.Decline => "不予受理，已出具告知书",
        MatterAction.SelfHandle or MatterAction.Accept => "受理，开始办理",
        MatterAction.Objection => "承办单位提出异议，信访部门重新处置",
        MatterAction.Extend => "办理期限依法延长",
        MatterAction.Log => "办理中",
        MatterAction.Conclude or MatterAction.ApproveConclusion when e.To == MatterStatus.Concluded => "办结，出具处理意见",
        MatterAction.Conclude or MatterAction.ApproveConclusion => "处理意见审核中",
        MatterAction.Deliver => "文书送达",
        MatterAction.Reissue => "更正文书，已出具更正后的文书",
        MatterAction.Implement => "处理意见已落实",
        MatterAction.Evaluate => "满意度评价",
        MatterAction.RequestReview => "申请复查",
        MatterAction.ConcludeReview => "出具复查意见",
        MatterAction.RequestRecheck => "申请复核",
        MatterAction.Hearing => "组织听证",
        MatterAction.ConcludeRecheck => "出具复核意见",
        MatterAction.DeclineLateRequest => "逾期请求不予受理，已出具告知书",
        MatterAction.Close => "归档",
        MatterAction.MarkSpam => "经审核，所提交内容不属于信访事项，未予处置",
        MatterAction.UnmarkSpam => "信访部门复核后恢复处置",
        MatterAction.Recalculate => "期限调整",
    };

    public static string PlainStatus(MatterStatus status) => status switch
    {
        MatterStatus.Registered => "已登记，信访部门正在处置",
        MatterStatus.Transferred => "已转送有权处理的单位，等待受理",
        MatterStatus.Assigned => "已交办有关单位，等待受理",
        MatterStatus.Accepted => "已受理，正在办理",
        MatterStatus.Concluded => "已办结，处理意见已出具",
        MatterStatus.UnderReview => "正在复查",
        MatterStatus.Reviewed => "已出具复查意见",
        MatterStatus.UnderRecheck => "正在复核",
        MatterStatus.Rechecked => "已出具复核意见",
        MatterStatus.Routed => "已告知通过诉讼、仲裁、复议等法定途径解决",
        MatterStatus.Referred => "已移送有关机关处理",
        MatterStatus.Declined => "不予受理",
        MatterStatus.Closed => "已办结归档",
    };
}
