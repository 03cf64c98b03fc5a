using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Acceptance by the unit (第二十三条第三款): a notice within 15 days of receipt, then the 60-day handling clock (第三十四条).</summary>
public sealed class AcceptanceTests
{
    [Fact]
    public void Acceptance_within_fifteen_days_meets_the_notice_clock_and_opens_sixty_days_of_handling()
    {
        // 60 days from 2024-12-01 end on 2025-01-30, 春节: due 2025-02-05.
        var matter = AMatter().ReceivedOn("2024-12-01").Transferred().Accepted(D("2024-12-01")).Build();

        Assert.Equal((MatterStatus.Accepted, D("2024-12-01")), (matter.Status, matter.AcceptedOn));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.AcceptanceNotice)!.State);
        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.Objection)!.State);
        var handling = matter.OpenDeadline(PeriodRules.Handling)!;
        Assert.Equal((D("2024-12-01"), 60, D("2025-02-05")), (handling.StartOn, handling.Days, handling.DueOn));
        Assert.Equal((NoticeKind.AcceptanceNotice, Org.StreetA.Id), (matter.Notices[^1].Kind, matter.Notices[^1].IssuingUnitId));
    }

    [Fact]
    public void Acceptance_after_the_notice_clock_is_allowed_but_recorded_late()
    {
        // 15 days from 2025-03-03 end on 03-18; the law sanctions a late notice (第四十四条), it does not forbid it.
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Build();

        var change = Decisions.Do(matter, new Accept(On: D("2025-03-19")), Org.Handler);

        Assert.Equal(MatterStatus.Accepted, matter.Status);
        var notice = matter.LatestDeadline(PeriodRules.AcceptanceNotice)!;
        Assert.Equal((DeadlineState.Late, D("2025-03-19")), (notice.State, notice.ClosedOn));
        Assert.Equal(new AcceptDetails(Simplified: false, Late: true), change.Details);
        Assert.Equal(new AcceptDetails(Simplified: false, Late: true), matter.Events[^1].Details);
        Assert.Contains("\"late\":true", matter.Events[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Acceptance_on_the_last_day_is_not_late()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Build();

        var change = Decisions.Do(matter, new Accept(On: D("2025-03-18")), Org.Handler);

        Assert.Null(change.Details);
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.AcceptanceNotice)!.State);
    }
}
