using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>第三十四条: the head of the unit may extend the handling period once, by at most 30 days, telling the petitioner why.</summary>
public sealed class ExtensionTests
{
    // Accepted 2024-12-01: 60 days end on 2025-01-30, 春节, so the handling deadline is 2025-02-05.
    private static MatterBuilder AcceptedBeforeSpringFestival() => AMatter().ReceivedOn("2024-12-01").Transferred().Accepted();

    [Fact]
    public void An_extension_counts_from_the_original_due_date()
    {
        var matter = AcceptedBeforeSpringFestival().Build();

        var change = Decisions.Do(matter, new Extend(30, "需要会同区住建局核实", D("2025-02-05")), Org.UnitHead);

        var moved = Assert.Single(change.Rescheduled);
        Assert.Equal((PeriodRules.Handling, D("2025-02-05"), D("2025-03-07")), (moved.Code, moved.From, moved.To));
        var handling = matter.OpenDeadline(PeriodRules.Handling)!;
        Assert.Equal((D("2025-03-07"), 30), (handling.DueOn, handling.ExtensionDays));
        Assert.Equal(D("2025-03-07"), Org.Deadlines.Due(handling).Due);
        Assert.Equal(30, matter.ExtensionDays);
    }

    [Fact]
    public void The_petitioner_is_told_the_reason_and_the_new_due_date()
    {
        var matter = AcceptedBeforeSpringFestival().Extended(30, D("2025-01-20")).Build();

        var notice = matter.Notices[^1];
        Assert.Equal((NoticeKind.ExtensionNotice, Recipient.Petitioner), (notice.Kind, notice.Recipient));
        Assert.Contains("\"延期理由\":\"需要会同区住建局核实补偿标准\"", notice.Fields, StringComparison.Ordinal);
        Assert.Contains("\"原办理期限\":\"2025年2月5日\"", notice.Fields, StringComparison.Ordinal);
        Assert.Contains("\"延期后办理期限\":\"2025年3月7日\"", notice.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_extension_is_refused()
    {
        var matter = AcceptedBeforeSpringFestival().Extended(10).Build();

        var error = Decisions.Refused(matter, new Extend(5, "仍需核实"), Org.UnitHead);

        Assert.Equal(("matter.already-extended", ErrorKind.Rule), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-1)]
    public void An_extension_outside_one_to_thirty_days_is_refused(int days)
    {
        var error = Decisions.Refused(AcceptedBeforeSpringFestival().Build(), new Extend(days, "需要核实", D("2025-01-20")), Org.UnitHead);

        Assert.Equal("matter.extension-too-long", error.Code);
        Assert.Equal(["days"], error.Fields!.Keys);
    }

    [Theory]
    [InlineData(1, "2025-02-06")]
    [InlineData(30, "2025-03-07")]
    public void An_extension_of_one_to_thirty_days_is_accepted(int days, string due)
    {
        var matter = AcceptedBeforeSpringFestival().Extended(days, D("2025-01-20")).Build();

        Assert.Equal(D(due), matter.OpenDeadline(PeriodRules.Handling)!.DueOn);
    }

    [Fact]
    public void An_extension_needs_a_reason()
    {
        Assert.Equal("matter.reason-required", Decisions.Refused(AcceptedBeforeSpringFestival().Build(), new Extend(10, "", D("2025-01-20")), Org.UnitHead).Code);
    }

    [Fact]
    public void An_extension_after_the_handling_due_date_is_refused()
    {
        var error = Decisions.Refused(AcceptedBeforeSpringFestival().Build(), new Extend(10, "需要核实", D("2025-02-06")), Org.UnitHead);

        Assert.Equal(("matter.deadline-passed", ErrorKind.Rule), (error.Code, error.Kind));
    }

    [Fact]
    public void Only_the_unit_head_approves_an_extension()
    {
        Assert.Equal("matter.forbidden", Decisions.Refused(AcceptedBeforeSpringFestival().Build(), new Extend(10, "需要核实", D("2025-01-20")), Org.Handler).Code);
    }
}
