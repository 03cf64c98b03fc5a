using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>交办 (第二十二条第一款第三项): a set date for reporting back, which is the assignee's handling deadline.</summary>
public sealed class AssignmentTests
{
    [Theory]
    [InlineData("2025-03-10")]
    [InlineData("2025-03-09")]
    public void An_assignment_needs_a_report_back_date_after_the_assignment(string dueOn)
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        var error = Decisions.Refused(matter, new Assign(Org.StreetA.Id, D(dueOn), On: D("2025-03-10")), Org.Registrar);

        Assert.Equal(("matter.due-before-on", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["dueOn"], error.Fields!.Keys);
    }

    [Theory]
    [InlineData("2025-07-10")]
    [InlineData("9999-12-31")]
    public void A_report_back_date_beyond_the_statutory_handling_period_is_refused(string dueOn)
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        var error = Decisions.Refused(matter, new Assign(Org.StreetA.Id, D(dueOn), On: D("2025-03-10")), Org.Registrar);

        Assert.Equal(("matter.due-too-late", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["dueOn"], error.Fields!.Keys);
    }

    [Fact]
    public void The_latest_report_back_date_is_the_acceptance_period_then_sixty_days()
    {
        // 15 days from 03-10 is 03-25; 60 days from 03-25 is 05-24, a Saturday, rolled to Monday 05-26.
        var at = AMatter().ReceivedOn("2025-03-03").Build();
        Assert.Equal(MatterStatus.Assigned, Decisions.Do(at, new Assign(Org.StreetA.Id, D("2025-05-26"), On: D("2025-03-10")), Org.Registrar).To);
        var after = AMatter().ReceivedOn("2025-03-03").Build();
        Assert.Equal("matter.due-too-late", Decisions.Refused(after, new Assign(Org.StreetA.Id, D("2025-05-27"), On: D("2025-03-10")), Org.Registrar).Code);
    }

    [Fact]
    public void An_assignment_opens_the_fixed_report_back_deadline_beside_the_units_clocks()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Assigned(D("2025-03-31"), D("2025-03-05")).Build();

        var assigned = matter.OpenDeadline(Deadline.Assigned)!;
        Assert.Equal((D("2025-03-05"), D("2025-03-31"), true, true), (assigned.StartOn, assigned.DueOn, assigned.IsFixed, assigned.IsDuty));
        Assert.NotNull(matter.OpenDeadline(PeriodRules.AcceptanceNotice));
        Assert.NotNull(matter.OpenDeadline(PeriodRules.Objection));
        Assert.Equal((MatterStatus.Assigned, true), (matter.Status, matter.IsAssigned));
        Assert.Equal([NoticeKind.Receipt, NoticeKind.AssignmentNotice, NoticeKind.AssignmentLetter], matter.Notices.Select(n => n.Kind));
    }

    [Fact]
    public void The_report_back_date_not_a_statutory_clock_is_the_handling_deadline_of_an_assigned_matter()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Assigned(D("2025-03-31")).Accepted(D("2025-03-05")).Build();

        Assert.Null(matter.OpenDeadline(PeriodRules.Handling));
        Assert.Equal(Deadline.Assigned, matter.HandlingCode);

        Decisions.Do(matter, Conclusions.Of(matter) with { On = D("2025-04-01") }, Org.UnitHead);
        Assert.Equal(DeadlineState.Late, matter.LatestDeadline(Deadline.Assigned)!.State);
    }
}
