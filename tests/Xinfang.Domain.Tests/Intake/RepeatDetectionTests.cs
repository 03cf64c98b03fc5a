using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class RepeatDetectionTests
{
    private const string Person = "610114198005171233";
    private const string Stranger = "610114197503120066";
    private const string Phone = "13812345678";
    private static readonly Guid Street = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid OtherStreet = Guid.Parse("00000000-0000-0000-0000-00000000a002");

    private const string HeatingTitle = "反映小区冬季供暖温度不达标";
    private const string HeatingContent =
        "本人住在阎良区凤凰路某小区3号楼，今年入冬以来室内温度长期低于18度，多次向物业和供热公司反映，至今未解决。请求督促供热公司整改，并退还部分供暖费。";
    private const string HeatingReworded =
        "我家在阎良区凤凰路某小区3号楼。入冬以来室内温度一直低于18度，多次找物业和供热公司反映都没有解决，要求供热公司整改并退还部分供暖费！";

    private const string WagesTitle = "反映建筑工地拖欠农民工工资";
    private const string WagesContent = "本人在某建筑工地务工，包工头拖欠工资三个月共计两万元，多次讨要未果，请求帮助追讨欠薪。";

    private static RepeatProbe HeatingProbe(params string[] idNumbers) =>
        new(idNumbers, [Phone], "urban-construction.heating", Street, HeatingTitle, HeatingContent);

    private static PriorMatter Prior(
        string number,
        string[]? idNumbers = null,
        string[]? phones = null,
        string? category = null,
        Guid? location = null,
        string title = WagesTitle,
        string content = WagesContent,
        bool finalized = false,
        DateOnly? receivedOn = null) =>
        new(Guid.NewGuid(), number, receivedOn ?? new DateOnly(2024, 11, 20), idNumbers ?? [], phones ?? [], category, location, title, content, finalized);

    [Fact]
    public void The_same_person_with_the_same_text_ranks_first()
    {
        var priors = new[]
        {
            Prior("610114-2024-000010", category: "urban-construction.heating", location: Street, title: HeatingTitle, content: HeatingReworded),
            Prior("610114-2024-000011", idNumbers: [Person], phones: [Phone], category: "urban-construction.heating", location: Street, title: HeatingTitle, content: HeatingReworded),
            Prior("610114-2024-000012", idNumbers: [Person], category: "labour.wages"),
        };

        var candidates = RepeatDetection.Find(HeatingProbe(Person), priors);

        var first = candidates[0];
        Assert.Equal("610114-2024-000011", first.Number);
        Assert.InRange(first.Score, 0.9, 1.0);
        Assert.Equal(["身份证号相同", "联系电话相同", "内容分类相同", "问题属地相同"], first.Reasons.Take(4));
        Assert.StartsWith("内容相似度 ", first.Reasons[4]);
        Assert.EndsWith("%", first.Reasons[4]);
        Assert.False(first.SameFactsAsFinalized);
        Assert.Equal(candidates.OrderByDescending(c => c.Score).Select(c => c.Number), candidates.Select(c => c.Number));
    }

    [Fact]
    public void A_different_person_with_a_different_text_stays_below_the_threshold()
    {
        var prior = Prior("610114-2024-000020", idNumbers: [Stranger], phones: ["13987654321"], category: "urban-construction.heating", location: Street);

        Assert.Empty(RepeatDetection.Find(HeatingProbe(Person), [prior]));
        Assert.Single(RepeatDetection.Find(HeatingProbe(Person), [prior], threshold: 0));
    }

    [Fact]
    public void The_same_person_with_an_unrelated_problem_is_not_a_repeat()
    {
        var prior = Prior("610114-2024-000021", idNumbers: [Person], phones: [Phone], category: "labour.wages", location: OtherStreet);

        Assert.Empty(RepeatDetection.Find(HeatingProbe(Person), [prior]));
    }

    [Fact]
    public void Another_person_with_the_same_problem_in_the_same_place_is_suggested()
    {
        var prior = Prior("610114-2024-000022", idNumbers: [Stranger], category: "urban-construction.heating", location: Street, title: HeatingTitle, content: HeatingReworded);

        var candidate = Assert.Single(RepeatDetection.Find(HeatingProbe(Person), [prior]));
        Assert.DoesNotContain("身份证号相同", candidate.Reasons);
    }

    [Fact]
    public void A_finalized_prior_of_the_same_person_on_the_same_facts_is_flagged()
    {
        var prior = Prior("610114-2023-000101", idNumbers: [Person], category: "urban-construction.heating", location: Street, title: HeatingTitle, content: HeatingReworded, finalized: true);

        var candidate = Assert.Single(RepeatDetection.Find(HeatingProbe(Person), [prior]));

        Assert.True(candidate.SameFactsAsFinalized);
        Assert.Contains("原事项已复核终结，事实和理由相同", candidate.Reasons);
    }

    [Fact]
    public void A_finalized_prior_matched_by_phone_alone_is_flagged_even_under_the_threshold()
    {
        var prior = Prior("610114-2023-000102", phones: ["138-1234-5678"], title: HeatingTitle, content: HeatingReworded, finalized: true);

        var candidate = Assert.Single(RepeatDetection.Find(HeatingProbe(), [prior]));

        Assert.True(candidate.SameFactsAsFinalized);
        Assert.True(candidate.Score < 0.5);
        Assert.Equal("联系电话相同", candidate.Reasons[0]);
    }

    [Fact]
    public void A_finalized_prior_is_not_flagged_for_another_person_or_other_facts()
    {
        var otherPerson = Prior("610114-2023-000103", idNumbers: [Stranger], category: "urban-construction.heating", location: Street, title: HeatingTitle, content: HeatingReworded, finalized: true);
        var otherFacts = Prior("610114-2023-000104", idNumbers: [Person], phones: [Phone], category: "urban-construction.heating", location: Street, finalized: true);

        var candidates = RepeatDetection.Find(HeatingProbe(Person), [otherPerson, otherFacts]);

        Assert.All(candidates, c => Assert.False(c.SameFactsAsFinalized));
    }

    [Fact]
    public void A_prior_that_is_not_finalized_is_never_flagged_as_finalized()
    {
        var prior = Prior("610114-2024-000030", idNumbers: [Person], title: HeatingTitle, content: HeatingContent);

        Assert.False(Assert.Single(RepeatDetection.Find(HeatingProbe(Person), [prior])).SameFactsAsFinalized);
    }

    [Fact]
    public void Identity_numbers_and_phones_match_in_any_written_form()
    {
        var prior = Prior("610114-2024-000031", idNumbers: ["61011419750312008x"], phones: ["+86 138 1234 5678"]);
        var probe = new RepeatProbe(["61011419750312008X"], ["13812345678"], null, null, "", "");

        var candidate = Assert.Single(RepeatDetection.Find(probe, [prior], threshold: 0.35));

        Assert.Equal(["身份证号相同", "联系电话相同"], candidate.Reasons);
    }

    [Fact]
    public void A_legacy_15_digit_number_on_an_old_record_matches_its_18_digit_upgrade()
    {
        var prior = Prior("610114-2009-000031", idNumbers: ["610114800517123"]);
        var probe = new RepeatProbe(["610114198005171233"], [], null, null, "", "");

        Assert.Equal(["身份证号相同"], Assert.Single(RepeatDetection.Find(probe, [prior], threshold: 0.25)).Reasons);
    }

    [Fact]
    public void Equal_scores_list_the_most_recent_prior_first()
    {
        var older = Prior("610114-2023-000001", idNumbers: [Person], phones: [Phone], category: "urban-construction.heating", title: HeatingTitle, content: HeatingContent, receivedOn: new DateOnly(2023, 1, 5));
        var newer = older with { MatterId = Guid.NewGuid(), Number = "610114-2024-000001", ReceivedOn = new DateOnly(2024, 1, 5) };

        Assert.Equal(["610114-2024-000001", "610114-2023-000001"], RepeatDetection.Find(HeatingProbe(Person), [older, newer]).Select(c => c.Number));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void A_threshold_outside_zero_to_one_is_a_bug(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatDetection.Find(HeatingProbe(Person), [], threshold));

    [Fact]
    public void The_weights_add_up_to_one()
    {
        Assert.Equal(1.0, RepeatDetection.IdNumberWeight + RepeatDetection.PhoneWeight + RepeatDetection.CategoryWeight
            + RepeatDetection.LocationWeight + RepeatDetection.TextWeight, precision: 10);
    }
}
