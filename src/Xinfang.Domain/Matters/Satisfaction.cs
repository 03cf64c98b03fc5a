namespace Xinfang.Domain.Matters;

/// <summary>Where a matter stands with one evaluation target (the states of REFERENCE.md §3.1).</summary>
public enum EvaluationState
{
    /// <summary>No opinion has been delivered yet: nothing to evaluate.</summary>
    NotOpen,

    /// <summary>待评价.</summary>
    Awaiting,

    /// <summary>已评价.</summary>
    Evaluated,

    /// <summary>超期未评价: the window ran out without an evaluation.</summary>
    Overdue,
}

/// <summary>
/// 群众满意度评价 (《信访工作条例》第二十一条: petitioners "查询、评价信访事项办理情况"; 国信发〔2022〕11号): the petitioner
/// rates the bureau and the handling unit separately, once per opinion — the handling opinion, and again after a review
/// or recheck opinion. The window is counted in calendar days from the opinion's delivery; its length is the bureau's
/// setting (<see cref="DecisionContext.EvaluationDays"/>), because no national text fixes it.
/// </summary>
public static class Satisfaction
{
    public const int DefaultWindowDays = 30;

    /// <summary>The opinion the petitioner now evaluates: the latest of handling, review and recheck, or null.</summary>
    public static Notice? Opinion(Matter matter) =>
        matter.Notices.Where(n => Stage(n.Kind) > 0).OrderBy(n => Stage(n.Kind)).ThenBy(n => n.IssuedOn).LastOrDefault();

    /// <summary>The last day to evaluate the current opinion, or null while it is not delivered.</summary>
    public static DateOnly? WindowEnds(Matter matter, int days) =>
        Opinion(matter)?.DeliveredOn is { } delivered ? delivered.AddDays(days) : null;

    /// <summary>The evaluation of <paramref name="target"/> made for the current opinion, if any.</summary>
    public static Evaluation? Current(Matter matter, EvaluationTarget target) =>
        Opinion(matter) is { } opinion ? matter.Evaluations.LastOrDefault(e => e.Target == target && e.Stage == Stage(opinion.Kind)) : null;

    /// <summary>The stage of the opinion now evaluated (1 handling, 2 review, 3 recheck), or 0 before any.</summary>
    public static int CurrentStage(Matter matter) => Opinion(matter) is { } opinion ? Stage(opinion.Kind) : 0;

    public static EvaluationState State(Matter matter, EvaluationTarget target, DateOnly today, int days)
    {
        if (WindowEnds(matter, days) is not { } ends)
        {
            return EvaluationState.NotOpen;
        }

        if (Current(matter, target) is not null)
        {
            return EvaluationState.Evaluated;
        }

        return today > ends ? EvaluationState.Overdue : EvaluationState.Awaiting;
    }

    public static string ToChinese(this EvaluationState state) => state switch
    {
        EvaluationState.NotOpen => "尚未送达意见",
        EvaluationState.Awaiting => "待评价",
        EvaluationState.Evaluated => "已评价",
        EvaluationState.Overdue => "超期未评价",
    };

    /// <summary>1 for the first opinion (handling opinion, reply, mediation agreement), 2 for review, 3 for recheck; 0 for other notices.</summary>
    /// <summary>The stages of evaluation: 1 the handling opinion (or reply, or mediation agreement), 2 review, 3 recheck.</summary>
    public static readonly IReadOnlyList<int> Stages = [1, 2, 3];

    /// <summary>The kinds of opinion evaluated at a stage, for counting windows in the database.</summary>
    public static IReadOnlyList<NoticeKind> OpinionsOf(int stage) => Enum.GetValues<NoticeKind>().Where(k => Stage(k) == stage).ToList();

    private static int Stage(NoticeKind kind) => kind switch
    {
        NoticeKind.HandlingOpinion or NoticeKind.Reply or NoticeKind.MediationAgreement => 1,
        NoticeKind.ReviewOpinion => 2,
        NoticeKind.RecheckOpinion => 3,
        _ => 0,
    };
}
