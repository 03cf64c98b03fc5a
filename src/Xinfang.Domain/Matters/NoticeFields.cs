namespace Xinfang.Domain.Matters;

/// <summary>
/// Which merge fields each kind of document carries (REFERENCE.md §5.4 and what each step adds), so that a template
/// can be checked when it is saved. <see cref="NoticeContent"/> fills them; a test holds the two together.
/// </summary>
public static class NoticeFields
{
    /// <summary>The 送达回执 that goes with every notice to a petitioner: a form, filled from the notice it accompanies.</summary>
    public const string DeliveryReceipt = "delivery-receipt";

    /// <summary>Letters of the supervision (第四十条): reminder, supervision level 1 and 2 (挂牌督办), the 三项建议.</summary>
    public const string ReminderLetter = "reminder-letter";
    public const string SupervisionLetter1 = "supervision-letter-1";
    public const string SupervisionLetter2 = "supervision-letter-2";
    public const string SuggestionLetter = "suggestion-letter";
    public const string ProblemLetter = "problem-letter";

    /// <summary>What every notice about a matter says (issuing unit, numbers, petitioner, date, channel, demands).</summary>
    public static readonly IReadOnlyList<string> Common =
        ["文书", "文号", "发文日期", "发文单位", "信访件编号", "信访人", "信访日期", "信访形式", "信访目的", "事项", "诉求"];

    private static readonly string[] Opinion = ["处理结论", "查明事实", "法律依据", "处理意见", "逐项意见", "受理日期"];

    private static readonly string[] Supervision = ["文号", "发文日期", "发文单位", "信访件编号", "事项", "责任单位", "期限名称", "到期日期", "逾期天数", "反馈期限", "法律依据"];

    public static IReadOnlyList<string> Specific(NoticeKind kind) => kind switch
    {
        NoticeKind.TransferNotice or NoticeKind.TransferLetter or NoticeKind.AssignmentNotice or NoticeKind.AssignmentLetter => ["承办单位"],
        NoticeKind.RouteNotice => ["法定途径", "受理机关"],
        NoticeKind.ReferralLetter => ["移送机关"],
        NoticeKind.DeclineNotice => ["不予受理理由", "申请期限"],
        NoticeKind.NoLongerAcceptedNotice => ["不予受理理由"],
        NoticeKind.AcceptanceNotice => ["救济途径"],
        NoticeKind.ObjectionLetter => ["异议理由", "转送机关"],
        NoticeKind.ExtensionNotice => ["延期理由", "延期天数", "原办理期限", "延期后办理期限"],
        NoticeKind.HandlingOpinion => [.. Opinion, "救济途径"],
        NoticeKind.Reply or NoticeKind.MediationAgreement => Opinion,
        NoticeKind.ReviewOpinion or NoticeKind.RecheckOpinion => ["决定", "意见", "依据", "救济途径"],
        NoticeKind.HearingNotice => ["听证日期"],
        _ => [],
    };

    /// <summary>The template key of a kind: <c>handling-opinion</c> for <see cref="NoticeKind.HandlingOpinion"/>.</summary>
    public static string KeyOf(NoticeKind kind) => kind switch
    {
        NoticeKind.ReminderLetter => ReminderLetter,
        NoticeKind.SupervisionLetter => SupervisionLetter1,
        NoticeKind.ListedSupervisionLetter => SupervisionLetter2,
        NoticeKind.ProblemSupervisionLetter => ProblemLetter,
        NoticeKind.SuggestionLetter => SuggestionLetter,
        _ => NoticeTemplates.Kebab(kind.ToString()),
    };

    /// <summary>Every template the product keeps: one per kind, a variant per statutory channel and per reason for declining, the 送达回执 and the supervision letters.</summary>
    public static IReadOnlyList<string> TemplateKeys { get; } =
    [
        .. Enum.GetValues<NoticeKind>().Select(KeyOf),
        .. Enum.GetValues<RouteChannel>().Select(c => $"{KeyOf(NoticeKind.RouteNotice)}.{NoticeTemplates.Kebab(c.ToString())}"),
        .. Enum.GetValues<DeclineReason>().Where(r => r != DeclineReason.Finalized).Select(r => $"{KeyOf(NoticeKind.DeclineNotice)}.{NoticeTemplates.Kebab(r.ToString())}"),
        DeliveryReceipt,
    ];

    public static bool IsKnownTemplate(string key) => TemplateKeys.Contains(key, StringComparer.Ordinal);

    /// <summary>The kind of notice a template is for, or null for the receipt form and the supervision letters.</summary>
    public static NoticeKind? KindOf(string key) =>
        Enum.GetValues<NoticeKind>().Cast<NoticeKind?>().FirstOrDefault(k => key == KeyOf(k!.Value) || key.StartsWith(KeyOf(k!.Value) + ".", StringComparison.Ordinal));

    /// <summary>The merge fields a template may use.</summary>
    public static IReadOnlyList<string> For(string key) => key switch
    {
        ReminderLetter or SupervisionLetter1 or SupervisionLetter2 => Supervision,
        ProblemLetter => ["文号", "发文日期", "发文单位", "信访件编号", "事项", "责任单位", "问题类型", "问题事实", "反馈期限", "法律依据"],
        SuggestionLetter => ["文号", "发文日期", "发文单位", "责任单位", "建议类型", "建议内容", "涉及事项", "反馈期限", "法律依据"],
        DeliveryReceipt => [.. Common, "送达文书", "送达文号"],
        _ when KindOf(key) is { } kind => [.. Common, .. Specific(kind)],
        _ => [],
    };
}
