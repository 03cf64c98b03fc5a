using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Supervision;

/// <summary>三项建议 (《信访工作条例》第四十条): the three suggestions the bureau makes from what it finds in its work.</summary>
public enum SuggestionKind
{
    /// <summary>改进工作建议 (第四十条第一款).</summary>
    ImproveWork,
    /// <summary>完善政策建议 (第四十条第二款).</summary>
    ImprovePolicy,
    /// <summary>追究责任建议 (第四十条第三款).</summary>
    Accountability,
}

/// <summary>Where a suggestion stands: waiting for the written feedback (past its date or not), or answered.</summary>
public enum SuggestionState
{
    Awaiting,
    FeedbackOverdue,
    Adopted,
    NotAdopted,
}

/// <summary>A suggestion to record, as entered.</summary>
public sealed record SuggestionDraft(string? Kind, Guid? TargetUnitId, int Matters, string? Content, DateOnly SentOn, DateOnly? FeedbackDueOn);

/// <summary>
/// The rules of the 三项建议 register (REFERENCE.md §1.10, 4.13): the recipient gives written feedback on whether it
/// adopts a suggestion (第四十条: 书面反馈采纳情况); a suggestion answered once is not answered again; only the
/// receiving unit, or the bureau entering its letter, records the feedback.
/// </summary>
public static class Suggestions
{
    public const int MaxContent = 4_000;

    public const int MaxMatters = 50;

    public static string Code(this SuggestionKind kind) => kind switch
    {
        SuggestionKind.ImproveWork => "improve-work",
        SuggestionKind.ImprovePolicy => "improve-policy",
        _ => "accountability",
    };

    public static string ToChinese(this SuggestionKind kind) => kind switch
    {
        SuggestionKind.ImproveWork => "改进工作",
        SuggestionKind.ImprovePolicy => "完善政策",
        _ => "追究责任",
    };

    /// <summary>The paragraph of 第四十条 each suggestion rests on.</summary>
    public static string BasisOf(SuggestionKind kind) => kind switch
    {
        SuggestionKind.ImproveWork => "《信访工作条例》第四十条第一款",
        SuggestionKind.ImprovePolicy => "《信访工作条例》第四十条第二款",
        _ => "《信访工作条例》第四十条第三款、第四十五条",
    };

    public static SuggestionKind? Parse(string? code) =>
        Enum.GetValues<SuggestionKind>().Cast<SuggestionKind?>().FirstOrDefault(k => string.Equals(k!.Value.Code(), code?.Trim(), StringComparison.Ordinal));

    public static string ToChinese(this SuggestionState state) => state switch
    {
        SuggestionState.Awaiting => "待反馈",
        SuggestionState.FeedbackOverdue => "逾期未反馈",
        SuggestionState.Adopted => "已采纳",
        _ => "未采纳",
    };

    public static SuggestionState StateOf(bool? adopted, DateOnly feedbackDueOn, DateOnly today) => adopted switch
    {
        true => SuggestionState.Adopted,
        false => SuggestionState.NotAdopted,
        null => today > feedbackDueOn ? SuggestionState.FeedbackOverdue : SuggestionState.Awaiting,
    };

    /// <summary>Checks a new suggestion; null when it may be recorded.</summary>
    public static Error? CheckNew(SuggestionDraft draft, DateOnly today)
    {
        if (Parse(draft.Kind) is null)
        {
            return Error.Validation("suggestion.kind-invalid", "建议类型应为 improve-work（改进工作）、improve-policy（完善政策）或 accountability（追究责任）。", "kind");
        }

        if (draft.TargetUnitId is null)
        {
            return Error.Validation("suggestion.target-required", "请选择建议送达的单位。", "targetUnitId");
        }

        if (draft.Matters == 0)
        {
            return Error.Validation("suggestion.matters-required", "请至少关联一件信访事项：建议书作为该事项的文书编号、存档。", "matterIds");
        }

        if (draft.Matters > MaxMatters)
        {
            return Error.Validation("suggestion.too-many-matters", $"一份建议最多关联 {MaxMatters} 件事项。", "matterIds");
        }

        var content = draft.Content?.Trim() ?? "";
        if (content.Length == 0)
        {
            return Error.Validation("suggestion.content-required", "请填写建议内容。", "content");
        }

        if (content.Length > MaxContent)
        {
            return Error.Validation("suggestion.content-too-long", $"建议内容不超过 {MaxContent} 字。", "content");
        }

        if (draft.SentOn > today)
        {
            return Error.Validation("suggestion.sent-in-future", "发出日期不能晚于今天。", "sentOn");
        }

        if (draft.FeedbackDueOn is not { } due)
        {
            return Error.Validation("suggestion.feedback-due-required", "请填写反馈期限。", "feedbackDueOn");
        }

        return due <= draft.SentOn
            ? Error.Validation("suggestion.feedback-due-early", "反馈期限应晚于发出日期。", "feedbackDueOn")
            : null;
    }

    /// <summary>Checks feedback on a suggestion; null when it may be recorded.</summary>
    public static Error? CheckFeedback(bool answered, Guid targetUnitId, Guid actorUnitId, bool actorIsBureau, bool? adopted, string? note, DateOnly sentOn, DateOnly on, DateOnly today)
    {
        if (!actorIsBureau && actorUnitId != targetUnitId)
        {
            return Error.Forbidden("suggestion.other-unit", "只有收到建议的单位（或信访部门代为登记）可以反馈采纳情况。");
        }

        if (answered)
        {
            return Error.Conflict("suggestion.already-answered", "已反馈", "该建议已登记过采纳情况，不能再次反馈。");
        }

        if (adopted is null)
        {
            return Error.Validation("suggestion.adopted-required", "请选择是否采纳。", "adopted");
        }

        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Validation("suggestion.note-required", "请填写书面反馈的内容（采纳措施或不采纳的理由）。", "note");
        }

        if (text.Length > MaxContent)
        {
            return Error.Validation("suggestion.note-too-long", $"反馈内容不超过 {MaxContent} 字。", "note");
        }

        if (on > today)
        {
            return Error.Validation("suggestion.feedback-in-future", "反馈日期不能晚于今天。", "on");
        }

        return on < sentOn ? Error.Validation("suggestion.feedback-before-sent", "反馈日期不能早于建议发出日期。", "on") : null;
    }
}
