using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A matter assigned by a higher level (上级交办) carries that level's due date until the district has answered it.</summary>
public sealed class SuperiorAssignmentTests
{
    private static MatterBuilder FromAbove() => AMatter().ReceivedOn("2025-03-03").AssignedFromAbove(D("2025-03-31"));

    [Fact]
    public void The_higher_levels_due_date_is_met_when_the_opinion_is_issued()
    {
        var matter = FromAbove().Transferred().Accepted().Concluded(on: D("2025-03-28")).Build();

        var superior = matter.LatestDeadline(Deadline.Superior)!;
        Assert.Equal((DeadlineState.Met, (DateOnly?)D("2025-03-28")), (superior.State, superior.ClosedOn));
    }

    [Fact]
    public void An_opinion_issued_after_the_higher_levels_due_date_is_late_and_nothing_stays_overdue()
    {
        var matter = FromAbove().Transferred().Accepted().Drafted(on: D("2025-03-28")).Approved(D("2025-04-02")).Build();

        Assert.Equal(DeadlineState.Late, matter.LatestDeadline(Deadline.Superior)!.State);
        Assert.DoesNotContain(matter.Deadlines, d => d.IsDuty && d.IsOverdue(D("2026-01-01")));
    }

    [Fact]
    public void A_matter_from_above_routed_out_of_the_petition_track_no_longer_runs_its_due_date()
    {
        Assert.Equal(DeadlineState.Cancelled, FromAbove().Routed().Build().LatestDeadline(Deadline.Superior)!.State);
        Assert.Equal(DeadlineState.Cancelled, FromAbove().Transferred().RoutedByUnit().Build().LatestDeadline(Deadline.Superior)!.State);
    }

    [Fact]
    public void A_matter_from_above_referred_or_declined_no_longer_runs_its_due_date()
    {
        Assert.Equal(DeadlineState.Cancelled, FromAbove().Referred().Build().LatestDeadline(Deadline.Superior)!.State);
        Assert.Equal(DeadlineState.Cancelled, FromAbove().Declined().Build().LatestDeadline(Deadline.Superior)!.State);
    }
}
