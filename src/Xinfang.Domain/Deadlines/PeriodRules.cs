using System.Text.RegularExpressions;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Deadlines;

/// <summary>The default period rules of 《信访工作条例》 and the simplified procedure, and the checks on a rule.</summary>
public static partial class PeriodRules
{
    public const string Dispose = "dispose";
    public const string AcceptanceNotice = "acceptance-notice";
    public const string Objection = "objection";
    public const string Handling = "handling";
    public const string HandlingSimplified = "handling-simplified";
    public const string Extension = "extension";
    public const string ReviewRequest = "review-request";
    public const string Review = "review";
    public const string RecheckRequest = "recheck-request";
    public const string Recheck = "recheck";

    public const int MinDays = 1;
    public const int MaxDays = 3650;

    private const string Regulations = "《信访工作条例》";

    public static IReadOnlyList<PeriodRule> Defaults { get; } = Array.AsReadOnly<PeriodRule>(
    [
        // 第二十二条: the bureau registers and disposes of a petition within 15 days of receipt.
        new(Dispose, "处置期限", 15, PeriodKind.Calendar, true, Regulations + "第二十二条"),
        // 第二十三条第三款: written notice of acceptance within 15 days of receiving a transferred or assigned matter…
        new(AcceptanceNotice, "受理告知期限", 15, PeriodKind.Calendar, true, Regulations + "第二十三条第三款"),
        // …and an objection to a wrong assignment within 5 working days: the only “工作日” limit in the 条例.
        new(Objection, "异议期限", 5, PeriodKind.Working, true, Regulations + "第二十三条第三款"),
        // 第三十四条: concluded within 60 days of acceptance.
        new(Handling, "办理期限", 60, PeriodKind.Calendar, true, Regulations + "第三十四条"),
        // The simplified procedure gives a handling opinion within 10 working days of acceptance.
        new(HandlingSimplified, "简易办理期限", 10, PeriodKind.Working, true, "《信访事项简易办理办法（试行）》"),
        // 第三十四条: an extension of at most 30 days, counted from the original handling due date.
        new(Extension, "延期上限", 30, PeriodKind.Calendar, true, Regulations + "第三十四条"),
        // 第三十五条: 30 days to ask for 复查 after receiving the reply, and 30 days for the 复查意见.
        new(ReviewRequest, "复查申请期限", 30, PeriodKind.Calendar, true, Regulations + "第三十五条"),
        new(Review, "复查期限", 30, PeriodKind.Calendar, true, Regulations + "第三十五条"),
        // 第三十六条: the same for 复核; hearing time does not count towards the 复核 body's 30 days.
        new(RecheckRequest, "复核申请期限", 30, PeriodKind.Calendar, true, Regulations + "第三十六条"),
        new(Recheck, "复核期限", 30, PeriodKind.Calendar, true, Regulations + "第三十六条"),
    ]);

    public static PeriodRule? Find(string code) => Defaults.FirstOrDefault(r => r.Code == code);

    public static Result<PeriodRule> Validate(PeriodRule rule)
    {
        if (rule.Code is null || !CodePattern().IsMatch(rule.Code))
        {
            return Error.Validation("period.code-invalid",
                $"代码“{rule.Code}”无效：只能用小写字母、数字和连字符，以字母开头，长 2–40 个字符，如“handling”；地方规则写作“期限代码.限定”，如“dispose.urgent”。", "code");
        }

        if (rule.Days is < MinDays or > MaxDays)
        {
            return Error.Validation("period.days-out-of-range",
                ChineseText.Format($"天数 {rule.Days} 超出范围，期限只能是 {MinDays}–{MaxDays} 日。"), "days");
        }

        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            return Error.Validation("period.name-required", "请填写期限名称，如“办理期限”。", "name");
        }

        if (string.IsNullOrWhiteSpace(rule.Article))
        {
            return Error.Validation("period.article-required", "请填写期限的依据，如“《信访工作条例》第三十四条”。", "article");
        }

        return rule;
    }

    // A local rule qualifies a statutory clock: "dispose.urgent" replaces "dispose" for urgent matters (Clocks.RuleFor).
    // \z, not $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^(?=.{2,40}\z)[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?\z")]
    private static partial Regex CodePattern();
}
