using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Prevention;

/// <summary>The kinds of conduct 《信访工作条例》第二十六条 forbids, one per item of the article.</summary>
public enum IncidentBehaviour
{
    /// <summary>(一) 非法聚集、围堵冲击机关、拦截车辆、堵塞交通.</summary>
    Gathering,
    /// <summary>(二) 携带危险物品、管制器具.</summary>
    DangerousArticles,
    /// <summary>(三) 侮辱、殴打、威胁工作人员，非法限制他人人身自由，毁坏财物.</summary>
    Violence,
    /// <summary>(四) 在信访接待场所滞留、滋事，或者将生活不能自理的人弃留在信访接待场所.</summary>
    Lingering,
    /// <summary>(五) 煽动、串联、胁迫、以财物诱使、幕后操纵他人信访，或者以信访为名借机敛财.</summary>
    Inciting,
    /// <summary>(六) 其他扰乱公共秩序、妨害国家和公共安全的行为.</summary>
    Other,
}

/// <summary>What staff did on the spot (第四十七条第一款: 劝阻、批评或者教育).</summary>
public enum StaffAction
{
    Dissuade,
    Criticise,
    Educate,
}

public sealed record IncidentFacts(DateTime At, IncidentBehaviour Behaviour, IReadOnlyList<StaffAction> StaffActions, bool PoliceCalled, string Outcome);

/// <summary>
/// The order log at reception (维护秩序). It records conduct and the response to it, and is kept apart from the merits
/// of the matter: what happened at the gate must not colour the handling of the request (第四十七条).
/// </summary>
public static class OrderIncidents
{
    public static string ToChinese(this IncidentBehaviour behaviour) => behaviour switch
    {
        IncidentBehaviour.Gathering => "非法聚集、围堵冲击、拦截车辆、堵塞交通",
        IncidentBehaviour.DangerousArticles => "携带危险物品、管制器具",
        IncidentBehaviour.Violence => "侮辱殴打威胁工作人员、限制人身自由、毁坏财物",
        IncidentBehaviour.Lingering => "在接待场所滞留滋事、弃留无自理能力者",
        IncidentBehaviour.Inciting => "煽动串联胁迫、借信访敛财",
        IncidentBehaviour.Other => "其他扰乱公共秩序行为",
    };

    public static string ToChinese(this StaffAction action) => action switch
    {
        StaffAction.Dissuade => "劝阻",
        StaffAction.Criticise => "批评",
        StaffAction.Educate => "教育",
    };

    public static Result<IncidentFacts> Check(DateTime? at, DateTime now, IncidentBehaviour? behaviour, IReadOnlyList<StaffAction>? actions, bool policeCalled, string? outcome)
    {
        if (at is null || at > now)
        {
            return Error.Validation("incident.at-invalid", "请填写发生时间，且不能晚于现在。", "on");
        }

        if (behaviour is null)
        {
            return Error.Validation("incident.behaviour-required", "请选择《信访工作条例》第二十六条所列的行为类型。", "behaviour");
        }

        if (actions is null || actions.Count == 0)
        {
            return Error.Validation("incident.staff-action-required", "请选择工作人员采取的措施（劝阻、批评、教育）。", "staffAction");
        }

        if (string.IsNullOrWhiteSpace(outcome) || outcome.Length > LedgerRules.TextLength)
        {
            return Error.Validation("incident.outcome-required", $"请填写处置结果（不超过 {LedgerRules.TextLength} 字）。", "outcome");
        }

        return new IncidentFacts(at.Value, behaviour.Value, actions.Distinct().ToList(), policeCalled, outcome.Trim());
    }
}
