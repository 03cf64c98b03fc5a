using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Referral out of the petition track (第二十二条第二款): accusations to discipline inspection, litigation matters to the political-legal organs.</summary>
public sealed class ReferralTests
{
    [Theory]
    [InlineData("凤凰路街道办事处")]
    [InlineData("阎良区人民政府")]
    [InlineData("阎良区信访局")]
    public void Referral_only_goes_to_discipline_or_political_legal_organs(string name)
    {
        var unit = Org.Units.Values.Single(u => u.Name == name);

        var error = Decisions.Refused(AMatter().Accusation().Build(), new Refer(unit.Id), Org.Registrar);

        Assert.Equal(("matter.not-a-referral-target", ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void Only_an_accusation_is_referred_to_discipline_inspection()
    {
        Assert.Equal("matter.refer-mismatch", Decisions.Refused(AMatter().Claim().Build(), new Refer(Org.Discipline.Id), Org.Registrar).Code);
        Assert.Equal("matter.refer-mismatch", Decisions.Refused(AMatter().Suggestion().Build(), new Refer(Org.Discipline.Id), Org.Registrar).Code);
    }

    [Fact]
    public void An_accusation_referred_to_discipline_inspection_leaves_the_petition_track()
    {
        var matter = AMatter().Accusation(accusedUnit: "凤凰路街道").Referred(to: Org.Discipline).Build();

        Assert.Equal((MatterStatus.Referred, Org.Discipline.Id), (matter.Status, matter.ReferredToUnitId));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Dispose)!.State);
        // Only the letter to the discipline body: nothing to the petitioner about the accused, nothing to the accused.
        var letter = Assert.Single(matter.Notices, n => n.Kind != NoticeKind.Receipt);
        Assert.Equal((NoticeKind.ReferralLetter, Recipient.Unit, Org.Discipline.Id), (letter.Kind, letter.Recipient, letter.RecipientUnitId));
        Assert.Contains("（检举控告人信息保密）", letter.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_may_be_referred_to_the_court()
    {
        Assert.Equal(MatterStatus.Referred, AMatter().Claim().Referred(to: Org.Court).Build().Status);
    }

    [Fact]
    public void Referral_to_an_unknown_unit_is_refused_as_not_found()
    {
        Assert.Equal("matter.unit-not-found", Decisions.Refused(AMatter().Accusation().Build(), new Refer(Guid.NewGuid()), Org.Registrar).Code);
    }
}
