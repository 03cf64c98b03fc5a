using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>落实: an opinion that supports the petitioner is carried out (第三十二条: 支持的，应当督促有关机关、单位执行).</summary>
public sealed class ImplementationTests
{
    [Fact]
    public void An_issued_supporting_opinion_is_carried_out_and_recorded()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().OpinionDelivered().Build();

        Decisions.Do(matter, new Implement("已补发补偿款", D("2025-03-20")), Org.Handler);

        Assert.Equal(new Implementation(D("2025-03-20"), "已补发补偿款"), matter.Implementation);
        Assert.Equal(MatterStatus.Concluded, matter.Status);
    }

    [Theory]
    [InlineData(Outcome.Explain)]
    [InlineData(Outcome.Reject)]
    public void An_opinion_that_does_not_support_has_nothing_to_carry_out(Outcome outcome)
    {
        var matter = AMatter().Transferred().Accepted().Concluded(outcome).Build();

        var error = Decisions.Refused(matter, new Implement("无"), Org.Handler);

        Assert.Equal(("matter.nothing-to-implement", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void An_opinion_supporting_one_demand_of_several_is_carried_out()
    {
        var matter = AMatter().Claim("补发拆迁补偿款", "公开补偿标准").Transferred().Accepted().Build();
        Decisions.Do(matter, Conclusions.Of(matter, Outcome.Reject) with
        {
            Items = [new("补发拆迁补偿款", Outcome.Support, Conclusions.Facts, Conclusions.LegalBasis), new("公开补偿标准", Outcome.Reject, Conclusions.Facts, Conclusions.LegalBasis)],
        }, Org.UnitHead);

        Assert.True(Decisions.Decide(matter, new Implement("已补发"), Org.Handler).IsSuccess);
    }

    [Fact]
    public void A_draft_is_not_carried_out_before_it_is_issued()
    {
        var matter = AMatter().Transferred().Accepted().Drafted().Build();

        Assert.Equal("matter.action-not-allowed", Decisions.Refused(matter, new Implement("已补发"), Org.Handler).Code);
    }

    [Fact]
    public void An_opinion_is_carried_out_once_and_with_a_note()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().Build();

        Assert.Equal("matter.note-required", Decisions.Refused(matter, new Implement(" "), Org.Handler).Code);
        Decisions.Do(matter, new Implement("已补发"), Org.Handler);
        Assert.Equal("matter.nothing-to-implement", Decisions.Refused(matter, new Implement("再次补发"), Org.Handler).Code);
    }
}
