using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A unit that is not the right one objects within 5 working days of receipt (第二十三条第三款), and the bureau disposes again.</summary>
public sealed class ObjectionTests
{
    // Received 2025-09-20 (dispose due 10-09 after National Day), transferred 09-26: the 5 working days end on 10-10.
    private static MatterBuilder TransferredBeforeNationalDay() => AMatter().ReceivedOn("2025-09-20").Transferred(D("2025-09-26"));

    [Fact]
    public void An_objection_on_the_fifth_working_day_returns_the_matter_to_the_bureau()
    {
        var matter = TransferredBeforeNationalDay().Objected(D("2025-10-10")).Build();

        Assert.Equal((MatterStatus.Registered, null, null), (matter.Status, matter.UnitId, matter.UnitReceivedOn));
        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.AcceptanceNotice)!.State);
        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.Objection)!.State);
        var letter = matter.Notices[^1];
        Assert.Equal((NoticeKind.ObjectionLetter, Recipient.Bureau, Org.StreetA.Id, Org.Bureau.Id),
            (letter.Kind, letter.Recipient, letter.IssuingUnitId, letter.RecipientUnitId));
    }

    [Fact]
    public void The_bureaus_original_disposal_deadline_is_reopened_not_restarted()
    {
        var matter = TransferredBeforeNationalDay().Objected(D("2025-10-10")).Build();

        var dispose = Assert.Single(matter.Deadlines, d => d.Code == PeriodRules.Dispose);
        Assert.Equal((DeadlineState.Open, D("2025-09-20"), D("2025-10-09"), (DateOnly?)null), (dispose.State, dispose.StartOn, dispose.DueOn, dispose.ClosedOn));
    }

    [Fact]
    public void An_objection_after_five_working_days_is_refused()
    {
        // Saturday 10-11 is a 调休 working day, and the sixth.
        var matter = TransferredBeforeNationalDay().Build();

        var error = Decisions.Refused(matter, new Objection("不属于本单位职权", D("2025-10-11")), Org.Handler);

        Assert.Equal(("matter.deadline-passed", ErrorKind.Rule), (error.Code, error.Kind));
        Assert.Contains("2025-10-10", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objection_must_give_its_reasons()
    {
        var error = Decisions.Refused(TransferredBeforeNationalDay().Build(), new Objection(" ", D("2025-09-29")), Org.Handler);

        Assert.Equal("matter.reason-required", error.Code);
        Assert.Equal(["reason"], error.Fields!.Keys);
    }

    [Fact]
    public void After_an_objection_the_bureau_transfers_again_and_the_new_unit_gets_fresh_clocks()
    {
        var matter = TransferredBeforeNationalDay().Objected(D("2025-09-29")).Transferred(D("2025-09-30"), Org.Department).Build();

        Assert.Equal((MatterStatus.Transferred, Org.Department.Id, D("2025-09-30")), (matter.Status, matter.UnitId, matter.UnitReceivedOn));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Dispose)!.State);
        Assert.Equal(D("2025-09-30"), matter.OpenDeadline(PeriodRules.AcceptanceNotice)!.StartOn);
        Assert.Equal(D("2025-10-14"), matter.OpenDeadline(PeriodRules.Objection)!.DueOn); // 10-09, 10-10, 10-11 (调休), 10-13, 10-14
    }

    [Fact]
    public void An_objection_to_an_assignment_cancels_the_report_back_date()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Assigned(D("2025-03-31")).Objected().Build();

        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(Deadline.Assigned)!.State);
        Assert.False(matter.IsAssigned);
    }
}
