using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Xinfang.Domain.Matters;

/// <summary>The written notices and letters the procedure requires (REFERENCE.md §5.1).</summary>
public enum NoticeKind
{
    Receipt,
    TransferNotice,
    TransferLetter,
    AssignmentNotice,
    AssignmentLetter,
    RouteNotice,
    ReferralLetter,
    DeclineNotice,
    NoLongerAcceptedNotice,
    AcceptanceNotice,
    ObjectionLetter,
    ExtensionNotice,
    HandlingOpinion,
    Reply,
    MediationAgreement,
    ReviewOpinion,
    HearingNotice,
    RecheckOpinion,
    /// <summary>提醒函 to the responsible unit before a duty deadline (第四十条; the daily sweep).</summary>
    ReminderLetter,
    /// <summary>督办函 to a unit whose duty deadline passed (第四十条).</summary>
    SupervisionLetter,
    /// <summary>挂牌督办函: overdue long after the 督办函, reported to the leader in charge (第三十九条、第四十五条).</summary>
    ListedSupervisionLetter,
    /// <summary>督查督办函: the bureau's concentrated supervision of a matter flagged with one of the seven problem types (第四十条).</summary>
    ProblemSupervisionLetter,
    /// <summary>三项建议书: an improvement, policy or accountability suggestion to a unit (第四十条).</summary>
    SuggestionLetter,
}

public enum Recipient
{
    Petitioner,
    Unit,
    Bureau,
}

public enum DeliveryMethod
{
    InPerson,
    Post,
    Sms,
    Online,
    Other,
}

public static class NoticeKinds
{
    public static string ToChinese(this NoticeKind kind) => kind switch
    {
        NoticeKind.Receipt => "登记回执",
        NoticeKind.TransferNotice => "转送告知书",
        NoticeKind.TransferLetter => "转送函",
        NoticeKind.AssignmentNotice => "交办告知书",
        NoticeKind.AssignmentLetter => "交办函",
        NoticeKind.RouteNotice => "导入法定途径告知书",
        NoticeKind.ReferralLetter => "移送函",
        NoticeKind.DeclineNotice => "不予受理告知书",
        NoticeKind.NoLongerAcceptedNotice => "不再受理告知书",
        NoticeKind.AcceptanceNotice => "受理告知书",
        NoticeKind.ObjectionLetter => "退回异议函",
        NoticeKind.ExtensionNotice => "延期告知书",
        NoticeKind.HandlingOpinion => "信访处理意见书",
        NoticeKind.Reply => "答复意见书",
        NoticeKind.MediationAgreement => "调解协议书",
        NoticeKind.ReviewOpinion => "复查意见书",
        NoticeKind.HearingNotice => "听证通知书",
        NoticeKind.RecheckOpinion => "复核意见书",
        NoticeKind.ReminderLetter => "提醒函",
        NoticeKind.SupervisionLetter => "督办函",
        NoticeKind.ListedSupervisionLetter => "挂牌督办函",
        NoticeKind.ProblemSupervisionLetter => "督查督办函",
        NoticeKind.SuggestionLetter => "三项建议书",
    };

    /// <summary>The character of the document number (文号), e.g. 阎信受〔2025〕12号 for an acceptance notice.</summary>
    public static string NumberMark(this NoticeKind kind) => kind switch
    {
        NoticeKind.Receipt => "登",
        NoticeKind.TransferNotice or NoticeKind.TransferLetter => "转",
        NoticeKind.AssignmentNotice or NoticeKind.AssignmentLetter => "交",
        NoticeKind.RouteNotice => "导",
        NoticeKind.ReferralLetter => "移",
        NoticeKind.DeclineNotice => "不受",
        NoticeKind.NoLongerAcceptedNotice => "不再",
        NoticeKind.AcceptanceNotice => "受",
        NoticeKind.ObjectionLetter => "异",
        NoticeKind.ExtensionNotice => "延",
        NoticeKind.HandlingOpinion or NoticeKind.Reply or NoticeKind.MediationAgreement => "复",
        NoticeKind.ReviewOpinion => "复查",
        NoticeKind.HearingNotice => "听",
        NoticeKind.RecheckOpinion => "复核",
        NoticeKind.ReminderLetter => "督提",
        NoticeKind.SupervisionLetter => "督",
        NoticeKind.ListedSupervisionLetter => "督挂",
        NoticeKind.ProblemSupervisionLetter => "督查",
        NoticeKind.SuggestionLetter => "建",
    };

    /// <summary>
    /// The opinion whose delivery starts the petitioner's window to ask for review (第三十五条: 对信访处理意见不服).
    /// A mediation agreement the petitioner signed and a reply to a suggestion (第二十九条) are not reviewed.
    /// </summary>
    public static bool StartsReviewWindow(this NoticeKind kind) => kind is NoticeKind.HandlingOpinion;

    public static string ToChinese(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.InPerson => "直接送达",
        DeliveryMethod.Post => "邮寄送达",
        DeliveryMethod.Sms => "短信告知",
        DeliveryMethod.Online => "网上送达",
        DeliveryMethod.Other => "其他方式",
    };
}

/// <summary>
/// A notice issued on a matter: numbered, dated, and immutable once issued (its fields are a snapshot with a hash).
/// Delivery is recorded separately because the petitioner's windows count from delivery, not from issue.
/// </summary>
public sealed class Notice
{
    private Notice()
    {
        Number = "";
        Fields = "";
        Sha256 = "";
        IssuedBy = "";
    }

    public Notice(Guid id, NoticeKind kind, string number, Guid issuingUnitId, Recipient recipient, Guid? recipientUnitId,
                  DateOnly issuedOn, string issuedBy, string fields, string sha256)
    {
        Id = id;
        Kind = kind;
        Number = number;
        IssuingUnitId = issuingUnitId;
        Recipient = recipient;
        RecipientUnitId = recipientUnitId;
        IssuedOn = issuedOn;
        IssuedBy = issuedBy;
        Fields = fields;
        Sha256 = sha256;
    }

    public Guid Id { get; private set; }

    public Guid MatterId { get; private set; }

    public NoticeKind Kind { get; private set; }

    public string Number { get; private set; }

    public Guid IssuingUnitId { get; private set; }

    public Recipient Recipient { get; private set; }

    public Guid? RecipientUnitId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public string IssuedBy { get; private set; }

    public DateOnly? DeliveredOn { get; private set; }

    public DeliveryMethod? DeliveryMethod { get; private set; }

    /// <summary>The merge fields of the document as issued (JSON), the input of the Word template.</summary>
    public string Fields { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>The notice this one corrects (更正); the corrected one stays as it was issued.</summary>
    public Guid? CorrectsId { get; private set; }

    /// <summary>The merge fields as issued.</summary>
    public IReadOnlyDictionary<string, string> FieldValues() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Fields, MatterJson.Options) ?? [];

    /// <summary>
    /// Issues a notice: the number and the date go into its fields, and the fields are fixed with their SHA-256. The
    /// one way a notice comes to exist, whether a step of the matter or the supervision sweep issues it.
    /// </summary>
    public static Notice Issue(Guid matterId, NoticeDraft draft, string number, DateOnly on, string by, Guid? id = null)
    {
        var fields = new SortedDictionary<string, string>(draft.Fields.ToDictionary(), StringComparer.Ordinal)
        {
            ["文号"] = number,
            ["发文日期"] = Shared.ChineseText.LongDate(on),
        };
        var json = JsonSerializer.Serialize(fields, MatterJson.Options);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new Notice(id ?? Guid.CreateVersion7(), draft.Kind, number, draft.IssuingUnitId, draft.Recipient, draft.RecipientUnitId, on, by, json, sha)
        {
            MatterId = matterId,
            CorrectsId = draft.Corrects,
        };
    }

    public void Deliver(DateOnly on, DeliveryMethod method)
    {
        DeliveredOn = on;
        DeliveryMethod = method;
    }
}
