namespace Xinfang.Domain.Matters;

/// <summary>The outcome of a handling opinion: 支持 / 解释说明 / 不予支持 (第三十二条), or a mediation agreement (第三十三条), or a reply to a suggestion (第二十九条).</summary>
public enum Outcome
{
    Support,
    Explain,
    Reject,
    Mediated,
    Replied,
}

/// <summary>The end state that fits the case (第二十七条 "四个到位").</summary>
public enum Standard
{
    ProblemSolved,
    EducationDone,
    AssistanceGiven,
    DealtWithByLaw,
}

public enum LogKind
{
    Investigation,
    Mediation,
    Hearing,
    ReturnVisit,
    Instruction,
    Other,
}

/// <summary>Where a matter that belongs to a statutory procedure is routed (第三十一条第一至四项, 诉访分离).</summary>
public enum RouteChannel
{
    Litigation,
    Arbitration,
    AdministrativeReview,
    PartyAppeal,
    AdministrativeProcedure,
    Other,
}

public enum DeclineReason
{
    /// <summary>Already accepted or being handled at a lower level (第十九条第三款).</summary>
    PendingElsewhere,
    /// <summary>Rechecked on the same facts and reasons (第三十六条第三款): 不再受理.</summary>
    Finalized,
    OutOfScope,
    /// <summary>A review or recheck asked for after its window (第三十五条、第三十六条).</summary>
    LateRequest,
    Other,
}

public enum ReviewDecision
{
    Uphold,
    Revoke,
    Modify,
}

public enum EvaluationTarget
{
    Bureau,
    Unit,
}

public enum Rating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public sealed record ConclusionItem(string Demand, Outcome Outcome, string? Facts, string? LegalBasis);

public sealed record StandardMet(Standard Standard, string Evidence);

public sealed record BodyOpinion(ReviewDecision Decision, string Opinion, string LegalBasis, DateOnly On);

public sealed record Implementation(DateOnly On, string Note);

/// <summary>One rating; <see cref="OnBehalf"/> marks one that staff recorded from paper or a phone call for the petitioner.</summary>
public sealed record Evaluation(EvaluationTarget Target, Rating Rating, string? Comment, DateOnly On, string By)
{
    public bool OnBehalf { get; init; }

    /// <summary>The opinion rated: 1 the handling opinion, 2 the review opinion, 3 the recheck opinion (<see cref="Satisfaction"/>).</summary>
    public int Stage { get; init; } = 1;
}

/// <summary>
/// The handling opinion (信访处理意见书) as drafted and, once a unit head approves it, as issued. One outcome covers
/// every demand unless <see cref="Items"/> gives one per demand.
/// </summary>
public sealed record Conclusion(
    Outcome Outcome,
    string? Facts,
    string? LegalBasis,
    string? Opinion,
    IReadOnlyList<ConclusionItem> Items,
    IReadOnlyList<StandardMet> Standards,
    string DraftedBy,
    DateOnly DraftedOn,
    DateOnly? IssuedOn,
    string? ApprovedBy)
{
    public bool IsIssued => IssuedOn is not null;

    public bool Supports => Outcome == Outcome.Support || Items.Any(i => i.Outcome == Outcome.Support);
}

public static class OutcomeLabels
{
    public static string ToChinese(this Outcome outcome) => outcome switch
    {
        Outcome.Support => "支持",
        Outcome.Explain => "解释说明",
        Outcome.Reject => "不予支持",
        Outcome.Mediated => "调解（和解）达成协议",
        Outcome.Replied => "答复",
    };

    public static string ToChinese(this Standard standard) => standard switch
    {
        Standard.ProblemSolved => "解决问题到位",
        Standard.EducationDone => "思想教育到位",
        Standard.AssistanceGiven => "帮扶救助到位",
        Standard.DealtWithByLaw => "依法处理",
    };

    public static string ToChinese(this LogKind kind) => kind switch
    {
        LogKind.Investigation => "调查核实",
        LogKind.Mediation => "调解",
        LogKind.Hearing => "听证",
        LogKind.ReturnVisit => "回访",
        LogKind.Instruction => "领导批示",
        LogKind.Other => "其他",
    };

    public static string ToChinese(this RouteChannel channel) => channel switch
    {
        RouteChannel.Litigation => "诉讼",
        RouteChannel.Arbitration => "仲裁",
        RouteChannel.AdministrativeReview => "行政复议",
        RouteChannel.PartyAppeal => "党员申诉",
        RouteChannel.AdministrativeProcedure => "行政裁决、确认、许可、处罚等行政程序",
        RouteChannel.Other => "其他法定途径",
    };

    public static string ToChinese(this DeclineReason reason) => reason switch
    {
        DeclineReason.PendingElsewhere => "该事项已由下级机关受理或正在办理（第十九条第三款）",
        DeclineReason.Finalized => "该事项已经复核终结，事实和理由相同（第三十六条第三款）",
        DeclineReason.OutOfScope => "不属于信访事项受理范围",
        DeclineReason.LateRequest => "未在规定期限内提出复查（复核）请求",
        DeclineReason.Other => "其他原因",
    };

    public static string ToChinese(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Uphold => "维持",
        ReviewDecision.Revoke => "撤销",
        ReviewDecision.Modify => "变更",
    };

    public static string ToChinese(this Rating rating) => rating switch
    {
        Rating.Satisfied => "满意",
        Rating.BasicallySatisfied => "基本满意",
        Rating.Dissatisfied => "不满意",
    };

    public static string ToChinese(this EvaluationTarget target) => target switch
    {
        EvaluationTarget.Bureau => "信访部门",
        EvaluationTarget.Unit => "责任单位",
    };
}
