using CsCheck;
using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Identical_texts_are_fully_similar() =>
        Assert.Equal(1.0, RepeatDetection.TextSimilarity("小区供暖温度不达标", "小区供暖温度不达标"), precision: 10);

    [Fact]
    public void Punctuation_whitespace_width_and_case_are_ignored() =>
        Assert.Equal(1.0, RepeatDetection.TextSimilarity("供暖不达标，请求整改！ABC 123", "供暖 不达标 请求整改 ａｂｃ１２３"), precision: 10);

    [Fact]
    public void Texts_without_a_common_character_pair_are_not_similar() =>
        Assert.Equal(0.0, RepeatDetection.TextSimilarity("小区供暖温度不达标", "工地拖欠农民工资"));

    [Fact]
    public void A_reworded_complaint_scores_higher_than_an_unrelated_one()
    {
        const string original = "入冬以来室内温度长期低于18度，多次向物业和供热公司反映未解决，请求整改。";
        var reworded = RepeatDetection.TextSimilarity(original, "入冬以来室内温度一直低于18度，多次找物业和供热公司反映都没有解决，要求整改。");
        var unrelated = RepeatDetection.TextSimilarity(original, "包工头拖欠工资三个月，多次讨要未果，请求帮助追讨。");

        Assert.True(reworded > 0.6, $"reworded {reworded}");
        Assert.True(unrelated < 0.2, $"unrelated {unrelated}");
    }

    [Fact]
    public void A_letter_that_repeats_an_old_one_and_adds_more_stays_similar()
    {
        const string old = "小区供暖温度长期不达标，多次反映未解决，请求督促供热公司整改。";

        Assert.True(RepeatDetection.TextSimilarity(old, old + "另外，物业费收取标准也不合理，请一并处理。") > 0.6);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "供暖")]
    [InlineData("，。！", "，。！")]
    public void Empty_text_is_similar_to_nothing(string a, string b) =>
        Assert.Equal(0.0, RepeatDetection.TextSimilarity(a, b));

    [Fact]
    public void A_single_character_equals_itself() =>
        Assert.Equal(1.0, RepeatDetection.TextSimilarity("暖", "暖。"), precision: 10);

    [Fact]
    public void Similarity_is_symmetric_and_between_zero_and_one()
    {
        var text = Gen.String[Gen.Char["供暖物业拖欠工资小区整改，。 abc"], 0, 40];

        Gen.Select(text, text).Sample((a, b) =>
        {
            var ab = RepeatDetection.TextSimilarity(a, b);
            Assert.InRange(ab, 0.0, 1.0);
            Assert.Equal(ab, RepeatDetection.TextSimilarity(b, a), precision: 12);
        });
    }
}
