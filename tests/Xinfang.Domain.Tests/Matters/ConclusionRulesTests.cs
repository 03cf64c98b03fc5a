using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>What a handling opinion must contain (第三十二条), and which outcomes fit which matters (第二十九条、第三十三条).</summary>
public sealed class ConclusionRulesTests
{
    private const string First = "补发拆迁补偿款";
    private const string Second = "公开补偿标准";

    private static Matter AcceptedClaim() => AMatter().Claim(First, Second).Transferred().Accepted().Build();

    private static Error Refused(Matter matter, Conclude command)
    {
        var error = Decisions.Refused(matter, command, HeadOfHolder(matter));
        Assert.Equal(ErrorKind.Validation, error.Kind);
        return error;
    }

    private static ConclusionItem Item(string demand, Outcome outcome = Outcome.Support, string? legalBasis = Conclusions.LegalBasis) =>
        new(demand, outcome, Conclusions.Facts, legalBasis);

    [Fact]
    public void One_outcome_without_items_covers_every_demand()
    {
        Assert.True(Decisions.Decide(AcceptedClaim(), Conclusions.Of(AcceptedClaim()), Org.UnitHead).IsSuccess);
    }

    [Fact]
    public void An_outcome_per_demand_must_cover_every_demand()
    {
        var matter = AcceptedClaim();

        var error = Refused(matter, Conclusions.Of(matter) with { Items = [Item(First)] });

        Assert.Equal("matter.demands-not-covered", error.Code);
        Assert.Contains(Second, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_per_demand_may_not_repeat_or_add_a_demand()
    {
        var matter = AcceptedClaim();

        Assert.Equal("matter.demands-not-covered", Refused(matter, Conclusions.Of(matter) with { Items = [Item(First), Item(First), Item(Second)] }).Code);
        Assert.Equal("matter.demands-not-covered", Refused(matter, Conclusions.Of(matter) with { Items = [Item(First), Item(Second), Item("另行安置")] }).Code);
    }

    [Fact]
    public void An_outcome_for_each_demand_is_accepted()
    {
        var matter = AcceptedClaim();

        var command = Conclusions.Of(matter) with { Items = [Item(First), Item(Second, Outcome.Explain)] };

        Assert.True(Decisions.Decide(matter, command, Org.UnitHead).IsSuccess);
    }

    [Fact]
    public void Not_supported_needs_a_legal_basis()
    {
        var matter = AcceptedClaim();

        Assert.Equal("matter.legal-basis-required", Refused(matter, Conclusions.Of(matter, Outcome.Reject) with { LegalBasis = " " }).Code);
        Assert.Equal("matter.legal-basis-required",
            Refused(matter, Conclusions.Of(matter) with { LegalBasis = null, Items = [Item(First), Item(Second, Outcome.Reject, legalBasis: null)] }).Code);
    }

    [Fact]
    public void A_demand_not_supported_may_rely_on_the_opinions_overall_legal_basis()
    {
        var matter = AcceptedClaim();

        var command = Conclusions.Of(matter) with { Items = [Item(First), Item(Second, Outcome.Reject, legalBasis: null)] };

        Assert.True(Decisions.Decide(matter, command, Org.UnitHead).IsSuccess);
    }

    [Theory]
    [InlineData(Outcome.Support)]
    [InlineData(Outcome.Explain)]
    [InlineData(Outcome.Reject)]
    public void A_substantive_outcome_needs_the_facts_found(Outcome outcome)
    {
        var matter = AcceptedClaim();

        Assert.Equal("matter.facts-required", Refused(matter, Conclusions.Of(matter, outcome) with { Facts = "" }).Code);
    }

    [Fact]
    public void An_opinion_is_required()
    {
        var matter = AcceptedClaim();

        Assert.Equal("matter.opinion-required", Refused(matter, Conclusions.Of(matter) with { Opinion = null }).Code);
    }

    [Fact]
    public void A_suggestion_is_answered_with_a_reply_and_only_a_suggestion_is()
    {
        var suggestion = AMatter().Suggestion().Transferred().Accepted().Build();
        var claim = AcceptedClaim();

        Assert.Equal("matter.outcome-invalid", Refused(suggestion, Conclusions.Of(suggestion, Outcome.Support)).Code);
        Assert.Equal("matter.outcome-invalid", Refused(claim, Conclusions.Of(claim, Outcome.Replied)).Code);
        Assert.True(Decisions.Decide(suggestion, Conclusions.Of(suggestion), Org.UnitHead).IsSuccess);
    }

    [Fact]
    public void A_mediation_agreement_needs_a_claim()
    {
        var accusation = AMatter().Accusation().Transferred(to: Org.StreetB).Accepted().Logged(LogKind.Mediation).Build();

        Assert.Equal("matter.outcome-invalid", Refused(accusation, Conclusions.Of(accusation, Outcome.Mediated)).Code);
    }

    [Fact]
    public void A_mediation_agreement_needs_a_mediation_in_the_handling_log()
    {
        var investigated = AMatter().Transferred().Accepted().Logged(LogKind.Investigation).Build();
        var mediated = AMatter().Transferred().Accepted().Logged(LogKind.Mediation).Build();

        Assert.Equal("matter.mediation-missing", Refused(investigated, Conclusions.Of(investigated, Outcome.Mediated)).Code);
        Decisions.Do(mediated, Conclusions.Of(mediated, Outcome.Mediated), Org.UnitHead);
        Assert.Equal(NoticeKind.MediationAgreement, mediated.Notices[^1].Kind);
    }

    [Fact]
    public void A_standard_of_article_27_needs_its_evidence()
    {
        var matter = AcceptedClaim();

        var command = Conclusions.Of(matter) with { Standards = [new StandardMet(Standard.ProblemSolved, "  ")] };

        Assert.Equal("matter.standard-evidence-required", Refused(matter, command).Code);
    }
}
