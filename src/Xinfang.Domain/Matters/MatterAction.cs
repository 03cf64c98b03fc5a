namespace Xinfang.Domain.Matters;

/// <summary>Everything that can happen to a matter; each is one POST in the API and one row of its history.</summary>
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
    Object,
    Extend,
    Log,
    Conclude,
    ApproveConclusion,
    Deliver,
    Implement,
    Evaluate,
    RequestReview,
    ConcludeReview,
    RequestRecheck,
    Hearing,
    ConcludeRecheck,
    Close,

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
        MatterAction.Object => "退回异议",
        MatterAction.Extend => "延期",
        MatterAction.Log => "办理记录",
        MatterAction.Conclude => "办结",
        MatterAction.ApproveConclusion => "审批处理意见",
        MatterAction.Deliver => "送达",
        MatterAction.Implement => "落实",
        MatterAction.Evaluate => "满意度评价",
        MatterAction.RequestReview => "申请复查",
        MatterAction.ConcludeReview => "复查意见",
        MatterAction.RequestRecheck => "申请复核",
        MatterAction.Hearing => "听证",
        MatterAction.ConcludeRecheck => "复核意见",
        MatterAction.Close => "归档",
        MatterAction.Recalculate => "期限重算",
    };
}
