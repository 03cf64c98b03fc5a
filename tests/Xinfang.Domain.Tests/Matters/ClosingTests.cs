using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A concluded or reviewed matter is archived once the petitioner's window has run out, by hand or by the daily sweep.</summary>
public sealed class ClosingTests
{
    // Delivered 2025-03-03: the review window runs to 2025-04-02. The opinion supports the demands and was carried out.
    private static Matter Delivered() => AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().Implemented().Build();

    [Fact]
    public void Closing_is_refused_while_the_review_window_is_open()
    {
        var error = Decisions.Refused(Delivered(), new Close(), Org.Registrar, today: D("2025-04-02"));

        Assert.Equal(("matter.window-open", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Contains("2025-04-02", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registrar_closes_the_matter_the_day_after_the_window_expires()
    {
        var matter = Delivered();

        Decisions.Do(matter, new Close(), Org.Registrar, today: D("2025-04-03"));

        Assert.Equal((MatterStatus.Closed, D("2025-04-03")), (matter.Status, matter.LastStepOn));
    }

    [Fact]
    public void The_daily_sweep_closes_the_matter_as_the_system()
    {
        var matter = Delivered();

        Decisions.Do(matter, new Close(), Actor.System, today: D("2025-04-03"));

        Assert.Equal((MatterStatus.Closed, "system"), (matter.Status, matter.Events[^1].By));
    }

    [Fact]
    public void A_close_dated_inside_the_window_is_refused_even_when_recorded_later()
    {
        var error = Decisions.Refused(Delivered(), new Close(D("2025-04-01")), Org.Registrar, today: D("2025-05-01"));

        Assert.Equal("matter.window-open", error.Code);
    }

    [Fact]
    public void A_reviewed_matter_closes_once_the_recheck_window_expires()
    {
        // The review opinion delivered 2025-04-02: the recheck window runs to 05-06 (05-02 falls in 劳动节).
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().Implemented()
            .ReviewRequested(D("2025-03-10")).Reviewed(D("2025-04-01")).ReviewOpinionDelivered(D("2025-04-02")).Build();

        Assert.Equal("matter.window-open", Decisions.Refused(matter, new Close(), Actor.System, today: D("2025-05-06")).Code);
        Decisions.Do(matter, new Close(), Actor.System, today: D("2025-05-07"));
        Assert.Equal(MatterStatus.Closed, matter.Status);
    }

    [Fact]
    public void A_supported_opinion_not_yet_carried_out_keeps_the_matter_open()
    {
        // 第三十二条第二款: the body urges the execution of a supported opinion; the file stays open until it is recorded.
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().Build();

        Assert.Equal("matter.not-implemented", Decisions.Refused(matter, new Close(), Actor.System, today: D("2025-04-03")).Code);
        Decisions.Do(matter, new Implement("已补发工资", D("2025-04-03")), Org.Handler, today: D("2025-04-03"));
        Decisions.Do(matter, new Close(), Actor.System, today: D("2025-04-03"));
        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Equal("matter.action-not-allowed", Decisions.Refused(matter, new Implement("再次落实"), Org.Handler).Code);
    }

    [Fact]
    public void An_opinion_never_delivered_keeps_the_matter_open()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().Build();

        Assert.Equal("matter.opinion-not-delivered", Decisions.Refused(matter, new Close(), Actor.System).Code);
    }

    [Fact]
    public void A_mediation_agreement_closes_once_delivered_without_a_review_window()
    {
        var builder = AMatter().Transferred().Accepted().Logged(LogKind.Mediation).Concluded(Outcome.Mediated);

        Assert.Equal("matter.opinion-not-delivered", Decisions.Refused(builder.Build(), new Close(), Actor.System).Code);
        var delivered = builder.Delivered(NoticeKind.MediationAgreement, D("2025-03-04")).Build();
        Decisions.Do(delivered, new Close(D("2025-03-04")), Actor.System);
        Assert.Equal(MatterStatus.Closed, delivered.Status);
    }

    [Fact]
    public void A_matter_refused_a_late_review_can_be_closed()
    {
        var matter = Delivered();
        Decisions.Do(matter, new DeclineLateRequest(On: D("2025-04-03")), Org.Registrar, today: D("2025-04-03"));

        Decisions.Do(matter, new Close(), Actor.System, today: D("2025-04-03"));

        Assert.Equal(MatterStatus.Closed, matter.Status);
    }

    [Fact]
    public void Neither_the_petitioner_nor_a_unit_closes_a_matter()
    {
        Assert.Equal("matter.forbidden", Decisions.Refused(Delivered(), new Close(), Actor.Petitioner).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(Delivered(), new Close(), Org.UnitHead).Code);
    }
}
