using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Review goes one level above the unit (第三十五条), recheck one level above the reviewer (第三十六条), as the organisation tree says.</summary>
public sealed class ReviewBodyTests
{
    private static MatterBuilder DeliveredBy(Organisation.Unit unit) => AMatter().Transferred(to: unit).Accepted().Concluded().OpinionDelivered();

    [Fact]
    public void Review_goes_to_the_responsible_units_review_body()
    {
        Assert.Equal(Org.District.Id, DeliveredBy(Org.StreetA).ReviewRequested().Build().ReviewBodyId);
        Assert.Equal(Org.District.Id, DeliveredBy(Org.Department).ReviewRequested().Build().ReviewBodyId);
    }

    [Fact]
    public void A_self_handled_matter_is_reviewed_by_the_bureaus_review_body()
    {
        var matter = AMatter().SelfHandled().Concluded().OpinionDelivered().ReviewRequested().Build();

        Assert.Equal(Org.District.Id, matter.ReviewBodyId);
    }

    [Fact]
    public void Recheck_goes_to_the_review_bodys_review_body()
    {
        var matter = DeliveredBy(Org.StreetA).ReviewRequested().Reviewed().ReviewOpinionDelivered().RecheckRequested(D("2025-03-10")).Build();

        Assert.Equal((MatterStatus.UnderRecheck, Org.City.Id), (matter.Status, matter.RecheckBodyId));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.RecheckRequest)!.State);
        Assert.Equal((D("2025-03-10"), D("2025-04-09")), (matter.OpenDeadline(PeriodRules.Recheck)!.StartOn, matter.OpenDeadline(PeriodRules.Recheck)!.DueOn));
    }

    [Fact]
    public void A_unit_without_a_review_body_cannot_be_reviewed_until_one_is_set()
    {
        var matter = DeliveredBy(Org.Unreviewed).Build();

        var error = Decisions.Refused(matter, new RequestReview("不服", D("2025-03-10")), Actor.Petitioner);

        Assert.Equal(("matter.no-review-body", ErrorKind.Rule), (error.Code, error.Kind));
        Assert.Contains("北屯街道办事处", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_body_without_a_body_above_it_cannot_be_rechecked()
    {
        var matter = DeliveredBy(Org.CityReviewed).ReviewRequested().Reviewed().ReviewOpinionDelivered().Build();

        var error = Decisions.Refused(matter, new RequestRecheck("不服", D("2025-03-10")), Actor.Petitioner);

        Assert.Equal(Org.City.Id, matter.ReviewBodyId);
        Assert.Equal(("matter.no-recheck-body", ErrorKind.Rule), (error.Code, error.Kind));
        Assert.Contains("西安市人民政府", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recheck_cannot_be_asked_before_a_review()
    {
        var error = Decisions.Refused(DeliveredBy(Org.StreetA).Build(), new RequestRecheck("不服"), Actor.Petitioner);

        Assert.Equal(("matter.action-not-allowed", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void The_review_opinion_comes_from_the_review_body_and_names_the_recheck_body()
    {
        var matter = DeliveredBy(Org.StreetA).ReviewRequested(D("2025-03-10")).Reviewed(D("2025-04-01"), ReviewDecision.Modify).Build();

        Assert.Equal(MatterStatus.Reviewed, matter.Status);
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Review)!.State);
        Assert.Equal((ReviewDecision.Modify, D("2025-04-01")), (matter.ReviewOpinion!.Decision, matter.ReviewOpinion.On));
        var opinion = matter.Notices[^1];
        Assert.Equal((NoticeKind.ReviewOpinion, Org.District.Id), (opinion.Kind, opinion.IssuingUnitId));
        Assert.Contains("\"决定\":\"变更\"", opinion.Fields, StringComparison.Ordinal);
        Assert.Contains("向西安市人民政府提出复核请求", opinion.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_opinion_needs_its_content_and_legal_basis()
    {
        var matter = DeliveredBy(Org.StreetA).ReviewRequested().Build();

        Assert.Equal("matter.opinion-required", Decisions.Refused(matter, new ConcludeReview(ReviewDecision.Uphold, " ", "依据"), Org.ReviewHead).Code);
        Assert.Equal("matter.legal-basis-required", Decisions.Refused(matter, new ConcludeReview(ReviewDecision.Uphold, "维持", null), Org.ReviewHead).Code);
    }

    [Fact]
    public void Only_the_head_of_the_review_body_issues_the_review_opinion()
    {
        var matter = DeliveredBy(Org.StreetA).ReviewRequested().Build();
        var command = new ConcludeReview(ReviewDecision.Uphold, "维持", "依据");

        Assert.Equal("matter.forbidden", Decisions.Refused(matter, command, Org.ReviewHandler).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, command, Org.UnitHead).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(matter, command, Org.HeadOf(Org.Department)).Code);
    }
}
