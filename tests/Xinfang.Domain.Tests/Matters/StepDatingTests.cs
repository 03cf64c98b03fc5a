using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>The <c>on</c> of a step may be back-dated, never in the future, never before the step it follows.</summary>
public sealed class StepDatingTests
{
    [Fact]
    public void A_step_dated_after_today_is_refused()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        var error = Decisions.Refused(matter, new Transfer(Org.StreetA.Id, On: D("2025-03-11")), Org.Registrar, today: D("2025-03-10"));

        Assert.Equal(("matter.on-in-future", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["on"], error.Fields!.Keys);
    }

    [Fact]
    public void A_step_without_a_date_happens_today()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        var change = Decisions.Do(matter, new Transfer(Org.StreetA.Id), Org.Registrar, today: D("2025-03-10"));

        Assert.Equal(D("2025-03-10"), change.On);
        Assert.Equal(D("2025-03-10"), matter.UnitReceivedOn);
    }

    [Fact]
    public void A_step_dated_before_the_previous_step_is_refused()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Build();

        var error = Decisions.Refused(matter, new Accept(On: D("2025-03-04")), Org.Handler);

        Assert.Equal(("matter.on-before-previous-step", ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void A_disposal_dated_before_the_receipt_is_refused()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Build();

        Assert.Equal("matter.on-before-previous-step", Decisions.Refused(matter, new Transfer(Org.StreetA.Id, On: D("2025-03-02")), Org.Registrar).Code);
    }

    [Fact]
    public void A_step_on_the_day_of_the_previous_step_is_accepted()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Build();

        Assert.True(Decisions.Decide(matter, new Accept(On: D("2025-03-05")), Org.Handler).IsSuccess);
    }

    [Fact]
    public void A_delivery_may_be_recorded_after_later_steps_but_not_dated_before_its_notice()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Accepted(D("2025-03-10")).Logged(on: D("2025-03-20")).Build();
        var acceptance = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);

        Assert.Equal("matter.on-before-previous-step",
            Decisions.Refused(matter, new Deliver(acceptance.Id, DeliveryMethod.Post, D("2025-03-09")), Org.Handler).Code);
        Decisions.Do(matter, new Deliver(acceptance.Id, DeliveryMethod.Post, D("2025-03-12")), Org.Handler);
        Assert.Equal(D("2025-03-12"), acceptance.DeliveredOn);
        Assert.Equal(D("2025-03-20"), matter.LastStepOn);
    }

    [Fact]
    public void A_log_entry_may_precede_an_earlier_entry_but_not_the_acceptance()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Accepted(D("2025-03-10")).Logged(on: D("2025-03-20")).Build();

        Assert.True(Decisions.Decide(matter, new Log(LogKind.ReturnVisit, "补记回访", D("2025-03-15")), Org.Handler).IsSuccess);
        Assert.Equal("matter.on-before-previous-step",
            Decisions.Refused(matter, new Log(LogKind.ReturnVisit, "补记回访", D("2025-03-09")), Org.Handler).Code);
    }

    [Fact]
    public void A_log_entry_may_be_dated_before_a_delivery_or_an_extension_recorded_earlier()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-05")).Accepted(D("2025-03-10"))
            .Delivered(NoticeKind.AcceptanceNotice, D("2025-03-15")).Extended(10, D("2025-03-16")).Build();

        Assert.True(Decisions.Decide(matter, new Log(LogKind.Investigation, "补记 3 月 12 日的实地核查", D("2025-03-12")), Org.Handler).IsSuccess);
    }

    [Fact]
    public void A_review_bodys_log_entry_follows_the_review_request()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().ReviewRequested(D("2025-03-10")).Build();

        Assert.Equal("matter.on-before-previous-step", Decisions.Refused(matter, new Log(LogKind.Investigation, "调查", D("2025-03-09")), Org.ReviewHandler).Code);
        Assert.True(Decisions.Decide(matter, new Log(LogKind.Investigation, "调查", D("2025-03-10")), Org.ReviewHandler).IsSuccess);
    }
}
