using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>A handler drafts the opinion and the unit head issues it; a unit head's own opinion is issued at once (API.md "Who").</summary>
public sealed class ConclusionApprovalTests
{
    [Fact]
    public void A_handlers_conclusion_is_a_draft_and_the_matter_stays_accepted()
    {
        var matter = AMatter().Transferred().Accepted().Build();
        var notices = matter.Notices.Count;

        var change = Decisions.Do(matter, Conclusions.Of(matter), Org.Handler);

        Assert.Equal((MatterStatus.Accepted, MatterStatus.Accepted), (change.To, matter.Status));
        Assert.Equal(new ConcludeDetails(change.Conclusion!.Outcome, Draft: true), change.Details);
        Assert.False(matter.Conclusion!.IsIssued);
        Assert.Equal(notices, matter.Notices.Count);
        Assert.NotNull(matter.OpenDeadline(PeriodRules.Handling));
    }

    [Fact]
    public void The_unit_head_issues_the_draft_by_approving_it()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Drafted(on: D("2025-03-20")).Build();

        Decisions.Do(matter, new ApproveConclusion("同意", D("2025-03-21")), Org.UnitHead);

        Assert.Equal(MatterStatus.Concluded, matter.Status);
        Assert.Equal((D("2025-03-20"), D("2025-03-21"), Org.UnitHead.Name), (matter.Conclusion!.DraftedOn, matter.Conclusion.IssuedOn, matter.Conclusion.ApprovedBy));
        Assert.Equal((NoticeKind.HandlingOpinion, D("2025-03-21")), (matter.Notices[^1].Kind, matter.Notices[^1].IssuedOn));
        Assert.Equal(DeadlineState.Met, matter.LatestDeadline(PeriodRules.Handling)!.State);
    }

    [Fact]
    public void A_unit_heads_conclusion_is_issued_at_once()
    {
        var matter = AMatter().Transferred().Accepted().Concluded().Build();

        Assert.Equal(MatterStatus.Concluded, matter.Status);
        Assert.True(matter.Conclusion!.IsIssued);
        Assert.Equal(Org.UnitHead.Name, matter.Conclusion.ApprovedBy);
        var opinion = matter.Notices[^1];
        Assert.Equal((NoticeKind.HandlingOpinion, Recipient.Petitioner, Org.StreetA.Id), (opinion.Kind, opinion.Recipient, opinion.IssuingUnitId));
        Assert.Contains("阎良区人民政府提出复查请求", opinion.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_conclusion_waits_for_the_pending_draft()
    {
        var matter = AMatter().Transferred().Accepted().Drafted().Build();

        var error = Decisions.Refused(matter, Conclusions.Of(matter), Org.UnitHead);

        Assert.Equal(("matter.draft-pending", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void There_is_nothing_to_approve_without_a_draft()
    {
        Assert.Equal("matter.no-draft", Decisions.Refused(AMatter().Transferred().Accepted().Build(), new ApproveConclusion(), Org.UnitHead).Code);
    }

    [Fact]
    public void A_handler_cannot_approve_a_draft()
    {
        Assert.Equal("matter.forbidden", Decisions.Refused(AMatter().Transferred().Accepted().Drafted().Build(), new ApproveConclusion(), Org.Handler).Code);
    }

    [Fact]
    public void An_opinion_issued_after_the_handling_deadline_closes_it_late()
    {
        // 60 days from 2025-03-03 end on 05-02, 劳动节: due 05-06.
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred().Accepted().Concluded(on: D("2025-05-07")).Build();

        var handling = matter.LatestDeadline(PeriodRules.Handling)!;
        Assert.Equal((D("2025-05-06"), DeadlineState.Late), (handling.DueOn, handling.State));
    }
}
