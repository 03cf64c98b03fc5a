using Xinfang.Domain.Routing;
using Xinfang.Domain.Tests.Matters;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Routing;

/// <summary>The suggestion the registrar reads: the most specific rule, and a reason in words, never a code.</summary>
public sealed class RoutingAdviceTests
{
    private static readonly Dictionary<string, string> Names = new() { ["urban-construction"] = "城乡建设", ["urban-construction.property"] = "物业管理" };

    [Fact]
    public void The_most_specific_rule_wins_and_its_reason_names_the_category_and_the_place()
    {
        var matter = AMatter().InCategory("urban-construction.property").Build();
        RoutingRule[] rules =
        [
            new(Guid.NewGuid(), "urban-construction", null, null, null, Org.Department.Id),
            new(Guid.NewGuid(), "urban-construction.property", Org.StreetA.Id, null, null, Org.StreetA.Id, "属地物业办"),
        ];

        var suggestion = RoutingAdvice.Suggest(matter, rules, Org.Units, Names);

        Assert.Equal(Org.StreetA.Id, suggestion?.UnitId);
        Assert.Equal("内容分类属“物业管理”，问题属地为凤凰路街道办事处，建议交凤凰路街道办事处（属地物业办）。", suggestion?.Reason);
    }

    [Fact]
    public void A_parent_category_rule_matches_its_subcategories()
    {
        var matter = AMatter().InCategory("urban-construction.property").Build();
        RoutingRule[] rules = [new(Guid.NewGuid(), "urban-construction", null, null, null, Org.Department.Id)];

        var suggestion = RoutingAdvice.Suggest(matter, rules, Org.Units, Names);

        Assert.Equal("内容分类属“城乡建设”，建议交阎良区住房和城乡建设局。", suggestion?.Reason);
    }

    [Fact]
    public void A_rule_naming_an_inactive_unit_is_skipped()
    {
        var matter = AMatter().InCategory("urban-construction.property").Build();
        RoutingRule[] rules = [new(Guid.NewGuid(), "urban-construction", null, null, null, Org.Inactive.Id)];

        Assert.Null(RoutingAdvice.Suggest(matter, rules, Org.Units, Names));
    }
}
