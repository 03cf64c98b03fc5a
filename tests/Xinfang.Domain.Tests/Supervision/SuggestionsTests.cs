using Xinfang.Domain.Supervision;

namespace Xinfang.Domain.Tests.Supervision;

public sealed class SuggestionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Guid Unit = Guid.NewGuid();

    [Theory]
    [InlineData("improve-work", true, 1, "内容", "2026-11-20", "2026-12-20", null)]
    [InlineData("better", true, 1, "内容", "2026-11-20", "2026-12-20", "suggestion.kind-invalid")]
    [InlineData("accountability", false, 1, "内容", "2026-11-20", "2026-12-20", "suggestion.target-required")]
    [InlineData("improve-policy", true, 0, "内容", "2026-11-20", "2026-12-20", "suggestion.matters-required")]
    [InlineData("improve-policy", true, 51, "内容", "2026-11-20", "2026-12-20", "suggestion.too-many-matters")]
    [InlineData("improve-policy", true, 1, "  ", "2026-11-20", "2026-12-20", "suggestion.content-required")]
    [InlineData("improve-policy", true, 1, "内容", "2026-11-28", "2026-12-20", "suggestion.sent-in-future")]
    [InlineData("improve-policy", true, 1, "内容", "2026-11-20", null, "suggestion.feedback-due-required")]
    [InlineData("improve-policy", true, 1, "内容", "2026-11-20", "2026-11-20", "suggestion.feedback-due-early")]
    public void A_new_suggestion_is_checked_field_by_field(string kind, bool target, int matters, string content, string sent, string? due, string? expected)
    {
        var draft = new SuggestionDraft(kind, target ? Unit : null, matters, content, DateOnly.Parse(sent), due is null ? null : DateOnly.Parse(due));
        Assert.Equal(expected, Suggestions.CheckNew(draft, Today)?.Code);
    }

    [Fact]
    public void Feedback_comes_once_from_the_receiving_unit_or_the_bureau()
    {
        var sent = new DateOnly(2026, 11, 2);
        Assert.Null(Suggestions.CheckFeedback(false, Unit, Unit, false, true, "已整改", sent, Today, Today));
        Assert.Null(Suggestions.CheckFeedback(false, Unit, Guid.NewGuid(), true, false, "政策调整需省级批准", sent, Today, Today));
        Assert.Equal("suggestion.other-unit", Suggestions.CheckFeedback(false, Unit, Guid.NewGuid(), false, true, "x", sent, Today, Today)?.Code);
        Assert.Equal("suggestion.already-answered", Suggestions.CheckFeedback(true, Unit, Unit, false, true, "x", sent, Today, Today)?.Code);
        Assert.Equal("suggestion.adopted-required", Suggestions.CheckFeedback(false, Unit, Unit, false, null, "x", sent, Today, Today)?.Code);
        Assert.Equal("suggestion.note-required", Suggestions.CheckFeedback(false, Unit, Unit, false, true, " ", sent, Today, Today)?.Code);
        Assert.Equal("suggestion.feedback-before-sent", Suggestions.CheckFeedback(false, Unit, Unit, false, true, "x", sent, sent.AddDays(-1), Today)?.Code);
        Assert.Equal("suggestion.feedback-in-future", Suggestions.CheckFeedback(false, Unit, Unit, false, true, "x", sent, Today.AddDays(1), Today)?.Code);
    }

    [Fact]
    public void Kinds_have_codes_names_and_the_paragraph_of_article_40_and_states_follow_the_feedback()
    {
        Assert.All(Enum.GetValues<SuggestionKind>(), k => Assert.Equal(k, Suggestions.Parse(k.Code())));
        Assert.Equal("追究责任", SuggestionKind.Accountability.ToChinese());
        Assert.Contains("第四十条第二款", Suggestions.BasisOf(SuggestionKind.ImprovePolicy));
        Assert.Equal(SuggestionState.Awaiting, Suggestions.StateOf(null, Today, Today));
        Assert.Equal(SuggestionState.FeedbackOverdue, Suggestions.StateOf(null, Today.AddDays(-1), Today));
        Assert.Equal(SuggestionState.Adopted, Suggestions.StateOf(true, Today.AddDays(-1), Today));
        Assert.Equal("未采纳", Suggestions.StateOf(false, Today, Today).ToChinese());
    }
}
