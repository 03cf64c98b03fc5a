using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Supervision;

namespace Xinfang.Domain.Tests.Supervision;

public sealed class DigestTests
{
    private static DigestClock Clock(string code, string due) => new(Guid.NewGuid(), code + due, "事项", code, DateOnly.Parse(due));

    [Fact]
    public void The_digest_splits_due_soon_and_overdue_into_not_accepted_and_not_concluded()
    {
        // As of Wednesday 2025-06-11 the reminder window (3 working days) reaches Monday 06-16.
        var digest = Digests.Of([
            Clock(PeriodRules.AcceptanceNotice, "2025-06-16"), // due soon, not accepted: Thu, Fri, Mon
            Clock(PeriodRules.Handling, "2025-06-11"),         // due today: due soon, 0 days left
            Clock(PeriodRules.Handling, "2025-06-17"),         // beyond the window: left out
            Clock(PeriodRules.Dispose, "2025-06-06"),          // overdue by Mon, Tue, Wed
            Clock(PeriodRules.Review, "2025-06-10"),           // overdue by one working day
        ], new DateOnly(2025, 6, 11), WorkCalendar.Shipped, SweepThresholds.Default);

        Assert.Equal(4, digest.Lines.Count);
        Assert.Equal(1, digest.Count(overdue: true, DigestStage.NotAccepted));
        Assert.Equal(1, digest.Count(overdue: true, DigestStage.NotConcluded));
        Assert.Equal(1, digest.Count(overdue: false, DigestStage.NotAccepted));
        Assert.Equal(1, digest.Count(overdue: false, DigestStage.NotConcluded));
        Assert.Equal([("dispose2025-06-06", 3), ("review2025-06-10", 1), ("handling2025-06-11", 0), ("acceptance-notice2025-06-16", 3)],
            digest.Lines.Select(l => (l.Clock.Number, l.WorkingDays)));
        Assert.True(Digests.Of([], new DateOnly(2025, 6, 11), WorkCalendar.Shipped, SweepThresholds.Default).IsEmpty);
        Assert.Equal("尚未受理", DigestStage.NotAccepted.ToChinese());
    }
}
