using System.Text.Json.Serialization;

namespace Xinfang.Domain.Matters;

/// <summary>
/// Everything that can happen to a matter; each is one POST in the API (its kebab-case name) and one row of its
/// history. A new action is a member here, a row of <see cref="Lifecycle.Table"/> and its decision.
/// </summary>
public enum MatterAction
{
    Register,
    Transfer,
    Assign,
    Route,
    Refer,
    Decline,
    SelfHandle,
    Accept,

    /// <summary>退回异议 (第二十三条第三款); <c>POST …/object</c> in the API.</summary>
    [JsonStringEnumMemberName("object")]
    Objection,
    Extend,
    Log,
    Conclude,
    ApproveConclusion,
    Deliver,

    /// <summary>更正: a new numbered notice that corrects an issued one (the issued one never changes).</summary>
    Reissue,
    Implement,
    Evaluate,
    RequestReview,
    ConcludeReview,
    RequestRecheck,
    Hearing,
    ConcludeRecheck,

    /// <summary>A review or recheck asked for after its window: refused with a 不予受理告知书 (第三十五条、第三十六条).</summary>
    DeclineLateRequest,
    Close,

    /// <summary>垃圾信息: an online submission set aside, kept and counted (Lifecycle.Spam.cs).</summary>
    MarkSpam,
    UnmarkSpam,

    /// <summary>Not a user action: a due date moved because the calendar or a rule changed.</summary>
    Recalculate,
}

public static class MatterActions
{
    public static string ToChinese(this MatterAction action) => action switch
    {
        MatterAction.Register => "登记",
        MatterAction.Transfer => "转送",
        MatterAction.Assign => "交办",
        MatterAction.Route => "导入法定途径",
        MatterAction.Refer => "移送纪检监察/政法",
        MatterAction.Decline => "不予受理",
        MatterAction.SelfHandle => "自办",
        MatterAction.Accept => "受理",
        MatterAction.Objection => "退回异议",
        MatterAction.Extend => "延期",
        MatterAction.Log => "办理记录",
        MatterAction.Conclude => "办结",
        MatterAction.ApproveConclusion => "审批处理意见",
        MatterAction.Deliver => "送达",
        MatterAction.Reissue => "更正文书",
        MatterAction.Implement => "落实",
        MatterAction.Evaluate => "满意度评价",
        MatterAction.RequestReview => "申请复查",
        MatterAction.ConcludeReview => "复查意见",
        MatterAction.RequestRecheck => "申请复核",
        MatterAction.Hearing => "听证",
        MatterAction.ConcludeRecheck => "复核意见",
        MatterAction.DeclineLateRequest => "逾期请求不予受理",
        MatterAction.Close => "归档",
        MatterAction.MarkSpam => "标记为垃圾信息",
        MatterAction.UnmarkSpam => "撤销垃圾信息标记",
        MatterAction.Recalculate => "期限重算",
    };
}
