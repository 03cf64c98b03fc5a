using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>送达: whoever issued a notice records its delivery, and the petitioner's windows count from delivery (第三十五条、第三十六条).</summary>
public sealed class DeliveryTests
{
    [Fact]
    public void The_review_window_counts_from_delivery_not_from_issue()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded(on: D("2025-03-20")).OpinionDelivered(D("2025-03-31")).Build();

        var window = matter.OpenDeadline(PeriodRules.ReviewRequest)!;
        Assert.Equal((D("2025-03-31"), D("2025-04-30"), false), (window.StartOn, window.DueOn, window.IsDuty));
        Assert.Equal((D("2025-03-31"), DeliveryMethod.InPerson), (matter.Notices[^1].DeliveredOn, matter.Notices[^1].DeliveryMethod));
    }

    [Fact]
    public void Delivering_the_review_opinion_opens_the_recheck_window()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered()
            .ReviewRequested(D("2025-03-10")).Reviewed(D("2025-04-01")).ReviewOpinionDelivered(D("2025-04-03")).Build();

        Assert.Equal((D("2025-04-03"), D("2025-05-06")), (matter.OpenDeadline(PeriodRules.RecheckRequest)!.StartOn, matter.OpenDeadline(PeriodRules.RecheckRequest)!.DueOn));
    }

    [Fact]
    public void Delivering_any_other_notice_opens_no_window()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var before = matter.Deadlines.Count;

        var change = Decisions.Do(matter, new Deliver(matter.Notices[^1].Id, DeliveryMethod.Sms), Org.Handler);

        Assert.Empty(change.Opened);
        Assert.Equal(before, matter.Deadlines.Count);
        Assert.Equal(MatterStatus.Accepted, matter.Status);
    }

    [Fact]
    public void A_notice_is_delivered_once()
    {
        var matter = AMatter().Transferred().Delivered(NoticeKind.TransferNotice).Build();
        var delivered = matter.Notices.Single(n => n.Kind == NoticeKind.TransferNotice);

        var error = Decisions.Refused(matter, new Deliver(delivered.Id, DeliveryMethod.Post), Org.Registrar);

        Assert.Equal(("notice.already-delivered", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void A_notice_of_another_matter_is_not_found()
    {
        var matter = AMatter().Transferred().Build();

        var error = Decisions.Refused(matter, new Deliver(Guid.NewGuid(), DeliveryMethod.Post), Org.Registrar);

        Assert.Equal(("notice.not-found", ErrorKind.NotFound), (error.Code, error.Kind));
    }

    [Fact]
    public void A_unit_cannot_deliver_the_bureaus_notice()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var bureaus = matter.Notices.First(n => n.Kind == NoticeKind.TransferNotice);

        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Deliver(bureaus.Id, DeliveryMethod.Post), Org.Handler).Code);
    }

    [Fact]
    public void The_registrar_cannot_deliver_the_units_notice()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var units = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);

        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Deliver(units.Id, DeliveryMethod.Post), Org.Registrar).Code);
    }

    [Fact]
    public void Someone_with_nothing_of_their_own_to_deliver_is_told_so()
    {
        var matter = AMatter().Transferred().Delivered(NoticeKind.TransferNotice).Delivered(NoticeKind.TransferLetter).Accepted().Build();
        var units = matter.Notices.Single(n => n.Kind == NoticeKind.AcceptanceNotice);

        var error = Decisions.Refused(matter, new Deliver(units.Id, DeliveryMethod.Post), Org.Registrar);

        Assert.Equal(("matter.nothing-to-deliver", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.DoesNotContain(MatterAction.Deliver, Lifecycle.Allowed(matter, Org.Context(Org.Registrar)));
        Assert.Contains(MatterAction.Deliver, Lifecycle.Allowed(matter, Org.Context(Org.Handler)));
    }

    [Fact]
    public void The_review_body_delivers_its_own_opinion()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().OpinionDelivered().ReviewRequested().Reviewed().Build();
        var opinion = matter.Notices[^1];

        Assert.Equal((NoticeKind.ReviewOpinion, Org.District.Id), (opinion.Kind, opinion.IssuingUnitId));
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new Deliver(opinion.Id, DeliveryMethod.Post), Org.Handler).Code);
        Assert.True(Decisions.Decide(matter, new Deliver(opinion.Id, DeliveryMethod.Post), Org.ReviewHandler).IsSuccess);
    }
}
