using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Accusation materials never go to the accused person or unit (第三十条第三款).</summary>
public sealed class AccusationConfidentialityTests
{
    [Fact]
    public void An_accusation_is_not_transferred_to_the_accused_unit_named_by_id()
    {
        var matter = AMatter().Accusation(accusedUnitId: Org.StreetA.Id).Build();

        var error = Decisions.Refused(matter, new Transfer(Org.StreetA.Id), Org.Registrar);

        Assert.Equal(("matter.accused-unit", ErrorKind.Rule), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData("凤凰路街道")]
    [InlineData("凤凰路街道办事处")]
    [InlineData("凤凰路街道办事处城建科")]
    [InlineData(" 凤凰路街道 ")]
    public void An_accusation_is_not_transferred_to_a_unit_whose_name_matches_the_accused(string accused)
    {
        var matter = AMatter().Accusation(accusedUnit: accused).Build();

        Assert.Equal("matter.accused-unit", Decisions.Refused(matter, new Transfer(Org.StreetA.Id), Org.Registrar).Code);
    }

    [Fact]
    public void An_accusation_is_not_assigned_to_the_accused_unit_either()
    {
        var matter = AMatter().Accusation(accusedUnit: "凤凰路街道").Build();

        Assert.Equal("matter.accused-unit", Decisions.Refused(matter, new Assign(Org.StreetA.Id, matter.ReceivedOn.AddDays(20)), Org.Registrar).Code);
    }

    [Fact]
    public void An_accusation_is_not_referred_to_the_accused_political_legal_organ()
    {
        var matter = AMatter().Accusation(accusedUnit: "阎良区人民法院").Build();

        Assert.Equal("matter.accused-unit", Decisions.Refused(matter, new Refer(Org.Court.Id), Org.Registrar).Code);
        Assert.True(Decisions.Decide(matter, new Refer(Org.Discipline.Id), Org.Registrar).IsSuccess);
    }

    [Fact]
    public void An_accusation_may_go_to_a_unit_that_is_not_accused()
    {
        var matter = AMatter().Accusation(accusedUnit: "凤凰路街道", accusedUnitId: Org.StreetA.Id).Build();

        Assert.True(Decisions.Decide(matter, new Transfer(Org.StreetB.Id), Org.Registrar).IsSuccess);
    }

    [Fact]
    public void A_notice_to_a_unit_leaves_out_the_accusers_identity_and_the_petitioners_notice_keeps_it()
    {
        var matter = AMatter().Accusation(accusedUnit: "新华路街道").Transferred().Build();

        var toUnit = matter.Notices.Single(n => n.Kind == NoticeKind.TransferLetter);
        var toPetitioner = matter.Notices.Single(n => n.Kind == NoticeKind.TransferNotice);
        Assert.Contains("\"信访人\":\"（检举控告人信息保密）\"", toUnit.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", toUnit.Fields, StringComparison.Ordinal);
        Assert.Contains("\"信访人\":\"张三\"", toPetitioner.Fields, StringComparison.Ordinal);
    }
}
