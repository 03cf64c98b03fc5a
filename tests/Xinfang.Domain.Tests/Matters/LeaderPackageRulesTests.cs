using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>领导包案 (第十八条第二款): who may put a leader in charge, and what a plan and a progress note must be.</summary>
public sealed class LeaderPackageRulesTests
{
    private static readonly DateOnly Today = D("2025-03-20");

    [Fact]
    public void The_registrar_or_the_head_of_the_holding_unit_may_assign_a_leader_nobody_else()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Build();

        Assert.True(LeaderPackageRules.MayAssign(Org.Registrar, matter));
        Assert.True(LeaderPackageRules.MayAssign(Org.UnitHead, matter));
        Assert.False(LeaderPackageRules.MayAssign(Org.Handler, matter));
        Assert.False(LeaderPackageRules.MayAssign(Org.HeadOf(Org.StreetB), matter));
        Assert.Equal("package.forbidden", LeaderPackageRules.CheckAssign(Org.Handler, matter, "方案", Today, Today)?.Code);
    }

    [Fact]
    public void A_final_matter_gets_no_new_package()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Routed(D("2025-03-05")).Build();
        Assert.True(matter.Status.IsFinal());

        var error = LeaderPackageRules.CheckAssign(Org.Registrar, matter, "方案", Today, Today);

        Assert.Equal(("package.matter-final", ErrorKind.Conflict), (error?.Code, error?.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_package_without_a_plan_is_refused(string? plan)
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        Assert.Equal("package.plan-required", LeaderPackageRules.CheckAssign(Org.Registrar, matter, plan, Today, Today)?.Code);
        Assert.Equal("package.plan-required",
            LeaderPackageRules.CheckAssign(Org.Registrar, matter, new string('案', Limits.Note + 1), Today, Today)?.Code);
    }

    [Fact]
    public void A_package_is_dated_between_the_matter_s_receipt_and_today()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        Assert.Null(LeaderPackageRules.CheckAssign(Org.Registrar, matter, "方案", D("2025-03-03"), Today));
        Assert.Equal("matter.on-in-future", LeaderPackageRules.CheckAssign(Org.Registrar, matter, "方案", D("2025-03-21"), Today)?.Code);
        Assert.Equal("matter.on-before-previous-step",
            LeaderPackageRules.CheckAssign(Org.Registrar, matter, "方案", D("2025-03-02"), Today)?.Code);
    }

    [Fact]
    public void A_note_needs_text_an_open_package_and_a_date_from_the_package_to_today()
    {
        var assigned = D("2025-03-10");

        Assert.Null(LeaderPackageRules.CheckNote("走访当事人", assigned, null, D("2025-03-12"), Today));
        Assert.Equal("package.note-required", LeaderPackageRules.CheckNote(" ", assigned, null, Today, Today)?.Code);
        Assert.Equal("package.resolved", LeaderPackageRules.CheckNote("再次走访", assigned, D("2025-03-15"), Today, Today)?.Code);
        Assert.Equal("matter.on-before-previous-step", LeaderPackageRules.CheckNote("走访", assigned, null, D("2025-03-09"), Today)?.Code);
        Assert.Equal("matter.on-in-future", LeaderPackageRules.CheckNote("走访", assigned, null, D("2025-03-21"), Today)?.Code);
    }
}
