using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

public sealed record MarkSpam(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.MarkSpam;
}

public sealed record UnmarkSpam(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.UnmarkSpam;
}

/// <summary>Why and when a registrar set an online submission aside as spam (垃圾信息).</summary>
public sealed record SpamMark(DateOnly On, string Reason, string By);

/// <summary>
/// 垃圾信息: an online submission that is plainly no petition (advertising, gibberish, abuse) is set aside by the
/// bureau's registrar with a reason, never deleted — 凡访必登 (《信访工作条例》第十七条, 第二十二条) keeps it registered,
/// numbered and counted. While marked it leaves the 待处置 queue and its 15-day disposal clock is cancelled, so it does
/// not count as 超期未受理; no disposal may be taken on it. A supervisor (督查员), not the registrar who marked it,
/// reverses a wrong mark, and the clock runs again from the original receipt: a marking never buys time.
/// </summary>
public static partial class Lifecycle
{
    public const int SpamReasonLength = 500;

    /// <summary>The actions of the bureau's disposal (第二十二条): none is open on a matter set aside as spam.</summary>
    private static readonly HashSet<MatterAction> Disposals =
        [MatterAction.Transfer, MatterAction.Assign, MatterAction.Route, MatterAction.Refer, MatterAction.Decline, MatterAction.SelfHandle];

    private static Error? SpamPrecondition(Matter matter, MatterAction action) => action switch
    {
        MatterAction.MarkSpam when matter.Channel != Channel.Online =>
            MatterErrors.Rule("matter.spam-online-only", "只能标记网上信访", "只有网上提交的信访事项可以标记为垃圾信息；来信、来访、来电等由登记员当面或按件处置。"),
        MatterAction.MarkSpam when matter.Spam is not null =>
            Error.Conflict("matter.already-spam", "已标记为垃圾信息", "本事项已标记为垃圾信息。"),
        MatterAction.UnmarkSpam when matter.Spam is null =>
            Error.Conflict("matter.not-spam", "未标记为垃圾信息", "本事项没有被标记为垃圾信息，无需撤销。"),
        _ when matter.Spam is not null && Disposals.Contains(action) =>
            Error.Conflict("matter.marked-spam", "已标记为垃圾信息",
                $"本事项已于 {matter.Spam.On:yyyy-MM-dd} 标记为垃圾信息（{matter.Spam.Reason}），不能处置；确属信访事项的，请督查员先撤销标记。"),
        _ => null,
    };

    private static Result<MatterChange> DecideMarkSpam(Step step, MarkSpam command) =>
        SpamReason(command.Reason) is { } invalid
            ? invalid
            : step.Change(command.Reason) with
            {
                Spam = new SpamMark(step.On, command.Reason!.Trim(), step.Actor),
                Cancelled = [PeriodRules.Dispose],
            };

    private static Result<MatterChange> DecideUnmarkSpam(Step step, UnmarkSpam command) =>
        SpamReason(command.Reason) is { } invalid
            ? invalid
            : step.Change(command.Reason) with { ClearsSpam = true, Reopened = [PeriodRules.Dispose] };

    private static Error? SpamReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? MatterErrors.Invalid("matter.reason-required", "请写明理由。", "reason")
        : reason.Trim().Length > SpamReasonLength ? MatterErrors.Invalid("matter.reason-too-long", $"理由不超过 {SpamReasonLength} 字。", "reason")
        : null;
}
