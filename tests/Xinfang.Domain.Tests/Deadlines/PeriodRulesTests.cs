using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class PeriodRulesTests
{
    [Theory]
    [InlineData(PeriodRules.Dispose, "处置期限", 15, PeriodKind.Calendar, "《信访工作条例》第二十二条")]
    [InlineData(PeriodRules.AcceptanceNotice, "受理告知期限", 15, PeriodKind.Calendar, "《信访工作条例》第二十三条第三款")]
    [InlineData(PeriodRules.Objection, "异议期限", 5, PeriodKind.Working, "《信访工作条例》第二十三条第三款")]
    [InlineData(PeriodRules.Handling, "办理期限", 60, PeriodKind.Calendar, "《信访工作条例》第三十四条")]
    [InlineData(PeriodRules.HandlingSimplified, "简易办理期限", 10, PeriodKind.Working, "《信访事项简易办理办法（试行）》")]
    [InlineData(PeriodRules.Extension, "延期上限", 30, PeriodKind.Calendar, "《信访工作条例》第三十四条")]
    [InlineData(PeriodRules.ReviewRequest, "复查申请期限", 30, PeriodKind.Calendar, "《信访工作条例》第三十五条")]
    [InlineData(PeriodRules.Review, "复查期限", 30, PeriodKind.Calendar, "《信访工作条例》第三十五条")]
    [InlineData(PeriodRules.RecheckRequest, "复核申请期限", 30, PeriodKind.Calendar, "《信访工作条例》第三十六条")]
    [InlineData(PeriodRules.Recheck, "复核期限", 30, PeriodKind.Calendar, "《信访工作条例》第三十六条")]
    public void The_default_rules_follow_the_regulations(string code, string name, int days, PeriodKind kind, string article)
    {
        Assert.Equal(new PeriodRule(code, name, days, kind, RollForward: true, article), PeriodRules.Find(code));
    }

    [Fact]
    public void There_are_ten_valid_default_rules_with_distinct_codes()
    {
        Assert.Equal(10, PeriodRules.Defaults.Count);
        Assert.Equal(10, PeriodRules.Defaults.Select(r => r.Code).Distinct().Count());
        Assert.All(PeriodRules.Defaults, r => Assert.True(PeriodRules.Validate(r).IsSuccess, r.Code));
        Assert.All(PeriodRules.Defaults, r => Assert.Equal(1, r.Version));
    }

    [Fact]
    public void An_unknown_code_finds_no_rule()
    {
        Assert.Null(PeriodRules.Find("urgent"));
    }

    [Theory]
    [InlineData("Handling")]
    [InlineData("h")]
    [InlineData("1handling")]
    [InlineData("handling_simplified")]
    [InlineData("办理")]
    [InlineData("handling\n")]
    [InlineData("a1234567890123456789012345678901234567890")]
    [InlineData("dispose.")]
    [InlineData("dispose.urgent.more")]
    [InlineData(".urgent")]
    public void A_code_that_is_not_lower_kebab_case_is_refused(string code)
    {
        Refused(Rule() with { Code = code }, "period.code-invalid", "code");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("urgent-7")]
    [InlineData("a123456789012345678901234567890123456789")]
    [InlineData("dispose.urgent")]
    [InlineData("handling.superior")]
    public void A_lower_kebab_case_code_of_2_to_40_characters_is_accepted(string code)
    {
        Assert.True(PeriodRules.Validate(Rule() with { Code = code }).IsSuccess);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3651)]
    public void Days_outside_1_to_3650_are_refused(int days)
    {
        var error = Refused(Rule() with { Days = days }, "period.days-out-of-range", "days");

        Assert.Contains("1–3650", error.Detail);
    }

    [Fact]
    public void A_rule_needs_a_name_and_an_article()
    {
        Refused(Rule() with { Name = " " }, "period.name-required", "name");
        Refused(Rule() with { Article = "" }, "period.article-required", "article");
    }

    private static PeriodRule Rule() => new("urgent", "紧急事项办理期限", 7, PeriodKind.Working, true, "本区紧急信访事项办理规定", Version: 2);

    private static Error Refused(PeriodRule rule, string code, string field)
    {
        var error = PeriodRules.Validate(rule).Error;

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal([field], error.Fields!.Keys);
        return error;
    }
}
