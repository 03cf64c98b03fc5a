using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>第三十六条第二款: the recheck body may hold a hearing, and hearing time does not count towards its 30 days.</summary>
public sealed class HearingTests
{
    // Recheck asked for on 2026-02-12: 30 days end on Saturday 03-14, so the opinion is due on Monday 03-16.
    private static Matter UnderRecheck() => AMatter().ReceivedOn("2025-12-01").Transferred().Accepted().Concluded(on: D("2025-12-20")).OpinionDelivered(D("2025-12-22"))
        .ReviewRequested(D("2026-01-05")).Reviewed(D("2026-02-05")).ReviewOpinionDelivered(D("2026-02-06")).RecheckRequested(D("2026-02-12")).Build();

    [Fact]
    public void The_recheck_is_due_thirty_days_after_the_request_rolled_past_the_weekend()
    {
        Assert.Equal(D("2026-03-16"), UnderRecheck().OpenDeadline(PeriodRules.Recheck)!.DueOn);
    }

    [Fact]
    public void A_three_day_hearing_moves_the_recheck_due_date_by_three_days_from_the_nominal_end()
    {
        var matter = UnderRecheck();

        var change = Decisions.Do(matter, new Hearing(D("2026-02-24"), D("2026-02-26"), D("2026-02-20")), Org.RecheckHead);

        var moved = Assert.Single(change.Rescheduled);
        Assert.Equal((D("2026-03-16"), D("2026-03-17")), (moved.From, moved.To));
        var recheck = matter.OpenDeadline(PeriodRules.Recheck)!;
        Assert.Equal((D("2026-03-17"), 3), (recheck.DueOn, recheck.ExtraDays));
        Assert.Equal(D("2026-03-17"), Org.Deadlines.Due(recheck).Due);
    }

    [Fact]
    public void Hearings_add_up()
    {
        var matter = UnderRecheck();

        Decisions.Do(matter, new Hearing(D("2026-02-24"), D("2026-02-26"), D("2026-02-20")), Org.RecheckHead);
        Decisions.Do(matter, new Hearing(D("2026-03-02"), D("2026-03-02"), D("2026-02-27")), Org.RecheckHead);

        Assert.Equal((D("2026-03-18"), 4), (matter.OpenDeadline(PeriodRules.Recheck)!.DueOn, matter.OpenDeadline(PeriodRules.Recheck)!.ExtraDays));
    }

    [Fact]
    public void The_petitioner_is_sent_a_hearing_notice_from_the_recheck_body()
    {
        var matter = UnderRecheck();

        Decisions.Do(matter, new Hearing(D("2026-02-24"), D("2026-02-26"), D("2026-02-20")), Org.RecheckHead);

        var notice = matter.Notices[^1];
        Assert.Equal((NoticeKind.HearingNotice, Org.City.Id, Recipient.Petitioner), (notice.Kind, notice.IssuingUnitId, notice.Recipient));
        Assert.Contains("\"听证日期\":\"2026年2月24日至2026年2月26日\"", notice.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hearing_that_ends_before_it_starts_is_refused()
    {
        var error = Decisions.Refused(UnderRecheck(), new Hearing(D("2026-02-26"), D("2026-02-24"), D("2026-02-20")), Org.RecheckHead);

        Assert.Equal("matter.hearing-dates", error.Code);
        Assert.Equal(["to"], error.Fields!.Keys);
    }

    [Fact]
    public void A_hearing_before_the_recheck_request_is_refused()
    {
        var error = Decisions.Refused(UnderRecheck(), new Hearing(D("2026-02-11"), D("2026-02-13"), D("2026-02-20")), Org.RecheckHead);

        Assert.Equal("matter.hearing-dates", error.Code);
        Assert.Equal(["from"], error.Fields!.Keys);
    }

    [Theory]
    [InlineData("2026-02-24", "2026-03-26")] // 31 days
    [InlineData("2026-02-24", "2099-12-31")]
    [InlineData("2026-02-24", "9999-12-31")]
    public void A_hearing_longer_than_the_limit_is_refused_and_moves_nothing(string from, string to)
    {
        var matter = UnderRecheck();

        var error = Decisions.Refused(matter, new Hearing(D(from), D(to), D("2026-02-20")), Org.RecheckHead);

        Assert.Equal("matter.hearing-too-long", error.Code);
        Assert.Equal(["to"], error.Fields!.Keys);
        Assert.Equal(D("2026-03-16"), matter.OpenDeadline(PeriodRules.Recheck)!.DueOn);
    }

    [Fact]
    public void A_thirty_day_hearing_is_the_longest_allowed()
    {
        var matter = UnderRecheck();

        Decisions.Do(matter, new Hearing(D("2026-02-24"), D("2026-03-25"), D("2026-02-20")), Org.RecheckHead);

        Assert.Equal(30, matter.OpenDeadline(PeriodRules.Recheck)!.ExtraDays);
    }

    [Fact]
    public void A_hearing_that_starts_after_the_recheck_is_due_is_refused()
    {
        var error = Decisions.Refused(UnderRecheck(), new Hearing(D("2026-03-17"), D("2026-03-18"), D("2026-02-20")), Org.RecheckHead);

        Assert.Equal("matter.hearing-dates", error.Code);
        Assert.Equal(["from"], error.Fields!.Keys);
    }

    [Fact]
    public void Only_the_head_of_the_recheck_body_holds_a_hearing()
    {
        var command = new Hearing(D("2026-02-24"), D("2026-02-26"), D("2026-02-20"));

        Assert.Equal("matter.forbidden", Decisions.Refused(UnderRecheck(), command, Org.RecheckHandler).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(UnderRecheck(), command, Org.ReviewHead).Code);
    }
}
