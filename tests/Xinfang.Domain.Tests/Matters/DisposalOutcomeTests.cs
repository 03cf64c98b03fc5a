using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>The bureau's other disposals: route to a statutory channel, decline, or handle the matter itself.</summary>
public sealed class DisposalOutcomeTests
{
    [Fact]
    public void Routing_must_name_the_body_to_go_to()
    {
        var error = Decisions.Refused(AMatter().Build(), new Route(RouteChannel.Litigation, "  "), Org.Registrar);

        Assert.Equal(("matter.route-body-required", ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void A_routed_body_longer_than_the_notice_can_name_is_refused()
    {
        var error = Decisions.Refused(AMatter().Build(), new Route(RouteChannel.Litigation, new string('院', Limits.RoutedBody + 1)), Org.Registrar);

        Assert.Equal(("matter.route-body-required", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["body"], error.Fields!.Keys);
    }

    [Fact]
    public void A_matter_routed_by_the_bureau_stops_its_clock_and_the_bureau_tells_the_petitioner()
    {
        var matter = AMatter().Routed().Build();

        Assert.Equal((MatterStatus.Routed, RouteChannel.Litigation), (matter.Status, matter.RoutedTo));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Dispose)!.State); // routing is the bureau's disposal
        var notice = matter.Notices[^1];
        Assert.Equal((NoticeKind.RouteNotice, Org.Bureau.Id), (notice.Kind, notice.IssuingUnitId));
        Assert.Contains("\"法定途径\":\"诉讼\"", notice.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matter_routed_by_the_unit_stops_the_units_clocks_and_the_unit_tells_the_petitioner()
    {
        var matter = AMatter().Transferred().RoutedByUnit().Build();

        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.AcceptanceNotice)!.State);
        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.Objection)!.State);
        Assert.Equal((NoticeKind.RouteNotice, Org.StreetA.Id), (matter.Notices[^1].Kind, matter.Notices[^1].IssuingUnitId));
    }

    [Theory]
    [InlineData(DeclineReason.Finalized, NoticeKind.NoLongerAcceptedNotice)]
    [InlineData(DeclineReason.PendingElsewhere, NoticeKind.DeclineNotice)]
    [InlineData(DeclineReason.OutOfScope, NoticeKind.DeclineNotice)]
    public void A_decline_issues_the_notice_for_its_reason(DeclineReason reason, NoticeKind kind)
    {
        var matter = AMatter().Declined(reason: reason).Build();

        Assert.Equal((MatterStatus.Declined, reason), (matter.Status, matter.DeclineReason));
        Assert.Equal(kind, matter.Notices[^1].Kind);
        Assert.Contains(reason.ToChinese(), matter.Notices[^1].Fields, StringComparison.Ordinal);
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Dispose)!.State);
    }

    [Fact]
    public void Disposal_after_fifteen_days_is_recorded_late()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-19")).Build();

        Assert.Equal(DeadlineState.Late, matter.LatestDeadline(PeriodRules.Dispose)!.State);
    }

    [Fact]
    public void A_self_handled_matter_is_accepted_by_the_bureau_with_the_sixty_day_clock()
    {
        // 60 days from 2024-12-01 end on 2025-01-30, 春节: due 2025-02-05.
        var matter = AMatter().ReceivedOn("2024-12-01").SelfHandled().Build();

        Assert.Equal((MatterStatus.Accepted, Org.Bureau.Id, D("2024-12-01")), (matter.Status, matter.UnitId, matter.AcceptedOn));
        Assert.Equal(D("2025-02-05"), matter.OpenDeadline(PeriodRules.Handling)!.DueOn);
        Assert.Equal(NoticeKind.AcceptanceNotice, matter.Notices[^1].Kind);
    }
}
