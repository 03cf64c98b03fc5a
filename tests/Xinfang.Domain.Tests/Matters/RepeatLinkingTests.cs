using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

public sealed class RepeatLinkingTests
{
    [Fact]
    public void Confirming_links_counts_and_marks_a_repeat_after_conclusion()
    {
        var main = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().Build();
        var repeat = AMatter().ReceivedOn("2025-09-01").Build();

        var result = RepeatLinking.Confirm(repeat, main);

        Assert.True(result.Value);
        Assert.Equal(main.Id, repeat.RepeatOfId);
        Assert.Equal(1, main.RepeatCount);
    }

    [Fact]
    public void A_repeat_of_a_matter_still_in_hand_is_not_marked_after_conclusion()
    {
        var main = AMatter().ReceivedOn("2025-03-03").Build();
        var repeat = AMatter().ReceivedOn("2025-03-05").Build();

        Assert.False(RepeatLinking.Confirm(repeat, main).Value);
    }

    [Fact]
    public void A_matter_in_another_units_hands_within_its_limit_is_pending_elsewhere()
    {
        var pending = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Build();
        var bureau = Guid.NewGuid();

        Assert.Equal(PriorStanding.PendingWithinLimit, RepeatLinking.StandingOf(pending.Status, pending.UnitId, pending.NextDueOn, bureau, pending.LastStepOn));
        Assert.Equal(PriorStanding.Open, RepeatLinking.StandingOf(pending.Status, pending.UnitId, pending.NextDueOn, bureau, pending.NextDueOn.AddDays(1)));
        Assert.Equal(PriorStanding.Open, RepeatLinking.StandingOf(pending.Status, pending.UnitId, pending.NextDueOn, pending.UnitId!.Value, pending.LastStepOn));
    }

    [Fact]
    public void Links_are_refused_with_named_errors_and_change_nothing()
    {
        var main = AMatter().ReceivedOn("2025-03-03").Build();
        var later = AMatter().ReceivedOn("2025-04-01").Build();
        var other = AMatter().ReceivedOn("2025-03-04").Build();

        Assert.Equal("repeat.self", RepeatLinking.Confirm(main, main).Error!.Code);
        Assert.Equal("repeat.not-earlier", RepeatLinking.Confirm(main, later).Error!.Code);
        Assert.Equal(0, later.RepeatCount);
        Assert.Null(main.RepeatOfId);

        Assert.True(RepeatLinking.Confirm(later, main).IsSuccess);
        Assert.Equal("repeat.already-linked", RepeatLinking.Confirm(later, main).Error!.Code);
        Assert.Equal("repeat.linked-elsewhere", RepeatLinking.Confirm(later, other).Error!.Code);
        Assert.Equal(1, main.RepeatCount);
        Assert.Equal(0, other.RepeatCount);
    }
}
