using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>The petitioner asks for review within 30 days of delivery (第三十五条); a late request is refused with a 不予受理 notice.</summary>
public sealed class ReviewRequestTests
{
    // Delivered 2025-03-03: the window ends on Wednesday 2025-04-02.
    private static Matter Delivered() => AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().Build();

    [Fact]
    public void A_request_on_the_last_day_of_the_window_goes_to_review()
    {
        var matter = Delivered();

        Decisions.Do(matter, new RequestReview("不服", D("2025-04-02")), Actor.Petitioner);

        Assert.Equal((MatterStatus.UnderReview, Org.District.Id), (matter.Status, matter.ReviewBodyId));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.ReviewRequest)!.State);
        var review = matter.OpenDeadline(PeriodRules.Review)!;
        Assert.Equal((D("2025-04-02"), D("2025-05-06"), true), (review.StartOn, review.DueOn, review.IsDuty)); // 05-02 falls in 劳动节
    }

    [Fact]
    public void A_late_request_is_refused_and_changes_nothing()
    {
        var matter = Delivered();

        var error = Decisions.Refused(matter, new RequestReview("不服", D("2025-04-03")), Actor.Petitioner);

        Assert.Equal(("matter.deadline-passed", ErrorKind.Rule), (error.Code, error.Kind));
        Assert.Equal(NoticeKind.DeclineNotice, error.Extensions!["notice"]);
        Assert.Equal(MatterAction.DeclineLateRequest, error.Extensions["action"]);
        Assert.Equal(MatterStatus.Concluded, matter.Status);
    }

    [Fact]
    public void The_bureau_records_a_late_request_with_the_decline_notice_of_the_body_it_was_addressed_to()
    {
        var matter = Delivered();
        var version = matter.Version;

        var change = Decisions.Do(matter, new DeclineLateRequest(On: D("2025-04-03")), Org.Registrar);

        Assert.Equal((MatterStatus.Concluded, null, version + 1), (matter.Status, matter.ReviewBodyId, matter.Version));
        var draft = Assert.Single(change.Notices);
        // The review body the request was addressed to refuses it (第三十五条).
        Assert.Equal((NoticeKind.DeclineNotice, Recipient.Petitioner, Org.District.Id), (draft.Kind, draft.Recipient, draft.IssuingUnitId));
        Assert.Equal(DeclineReason.LateRequest.ToChinese(), draft.Fields["不予受理理由"]);
        Assert.Equal("2025年4月2日", draft.Fields["申请期限"]);
        Assert.Null(matter.OpenDeadline(PeriodRules.Review));
        var recorded = matter.Events[^1];
        Assert.Equal((MatterAction.DeclineLateRequest, "逾期申请复查，不予受理"), (recorded.Action, recorded.Note));
        Assert.Equal(new DeclineDetails(DeclineReason.LateRequest, null) { WindowDue = D("2025-04-02") }, recorded.Details);
    }

    [Fact]
    public void Declining_the_same_late_request_again_issues_nothing_new()
    {
        var matter = Delivered();
        Decisions.Do(matter, new DeclineLateRequest(On: D("2025-04-03")), Org.Registrar);

        var again = Decisions.Decide(matter, new DeclineLateRequest(On: D("2025-04-05")), Org.Registrar).Value;

        Assert.True(again.AlreadyDone);
        Assert.Empty(again.Notices);
    }

    [Fact]
    public void A_request_within_the_window_is_not_declined_as_late()
    {
        var matter = Delivered();

        Assert.Equal("matter.window-open", Decisions.Refused(matter, new DeclineLateRequest(On: D("2025-04-02")), Org.Registrar, today: D("2025-04-02")).Code);
        Assert.Equal("matter.request-in-time", Decisions.Refused(matter, new DeclineLateRequest(On: D("2025-04-02")), Org.Registrar).Code);
    }

    [Fact]
    public void A_late_recheck_request_is_refused_the_same_way_by_the_recheck_body()
    {
        // The review opinion delivered 2025-04-03: 30 days end on 05-03, in 劳动节, so the window runs to 05-06.
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered()
            .ReviewRequested(D("2025-03-10")).Reviewed(D("2025-04-01")).ReviewOpinionDelivered(D("2025-04-03")).Build();

        Assert.Equal("matter.deadline-passed", Decisions.Refused(matter, new RequestRecheck("不服", D("2025-05-07")), Actor.Petitioner).Code);
        Assert.True(Decisions.Decide(matter, new RequestRecheck("不服", D("2025-05-06")), Actor.Petitioner).IsSuccess);

        var change = Decisions.Do(matter, new DeclineLateRequest(On: D("2025-05-07")), Org.Registrar);

        // The recheck body (the review body's review body) refuses what was addressed to it.
        Assert.Equal((MatterStatus.Reviewed, NoticeKind.DeclineNotice, Org.City.Id), (change.To, change.Notices[0].Kind, change.Notices[0].IssuingUnitId));
    }

    [Fact]
    public void A_late_request_on_an_archived_matter_is_declined_too()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded().OpinionDelivered().Implemented().Build();
        Decisions.Do(matter, new Close(D("2025-04-03")), Actor.System);

        var change = Decisions.Do(matter, new DeclineLateRequest(On: D("2025-05-10")), Org.Registrar);

        Assert.Equal((MatterStatus.Closed, NoticeKind.DeclineNotice), (matter.Status, change.Notices[0].Kind));
    }

    [Fact]
    public void No_review_can_be_asked_before_the_opinion_is_delivered()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().Build();

        var error = Decisions.Refused(matter, new RequestReview("不服"), Actor.Petitioner);

        Assert.Equal(("matter.opinion-not-delivered", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData(Outcome.Mediated)]
    [InlineData(Outcome.Replied)]
    public void A_mediation_agreement_or_a_reply_to_a_suggestion_is_not_reviewed(Outcome outcome)
    {
        var builder = outcome == Outcome.Replied ? AMatter().Suggestion().Transferred().Accepted() : AMatter().Transferred().Accepted().Logged(LogKind.Mediation);
        var kind = outcome == Outcome.Replied ? NoticeKind.Reply : NoticeKind.MediationAgreement;
        var matter = builder.Concluded(outcome).Delivered(kind).Build();

        Assert.Equal("matter.not-reviewable", Decisions.Refused(matter, new RequestReview("不服"), Actor.Petitioner).Code);
    }

    [Fact]
    public void The_registrar_may_ask_for_review_on_the_petitioners_behalf()
    {
        var matter = Delivered();

        Assert.True(Decisions.Decide(matter, new RequestReview("来访提出", D("2025-03-20")), Org.Registrar).IsSuccess);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new RequestReview("不服", D("2025-03-20")), Org.Handler).Code);
    }
}
