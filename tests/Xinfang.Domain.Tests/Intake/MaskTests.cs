using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class MaskTests
{
    [Theory]
    [InlineData("610114198005171233", "610114********1233")]
    [InlineData("61011419750312008X", "610114********008X")]
    [InlineData("610114800517123", "610114*****7123")]
    [InlineData(" 610114198005171233 ", "610114********1233")]
    public void An_identity_number_shows_its_region_and_last_four(string input, string expected) =>
        Assert.Equal(expected, Mask.IdNumber(input));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    [InlineData("6101141234", "**********")]
    public void A_short_or_missing_identity_number_is_masked_entirely(string? input, string expected) =>
        Assert.Equal(expected, Mask.IdNumber(input));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138 1234 5678", "138****5678")]
    [InlineData("029-86861234", "029-****1234")]
    [InlineData("0917-3212345", "0917-***2345")]
    [InlineData("029-86861234-8001", "029-****1234")]
    public void A_phone_keeps_its_prefix_or_area_code_and_last_four(string input, string expected) =>
        Assert.Equal(expected, Mask.Phone(input));

    [Theory]
    [InlineData(null, "")]
    [InlineData(" ", "")]
    [InlineData("123", "***")]
    [InlineData("not a phone", "*******hone")]
    public void A_missing_or_unrecognised_phone_does_not_throw(string? input, string expected) =>
        Assert.Equal(expected, Mask.Phone(input));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("司马光", "司马*")]
    [InlineData("欧阳", "欧*")]
    [InlineData("买买提·艾力", "买*****")]
    [InlineData(" 李四 ", "李*")]
    public void A_name_keeps_only_the_surname(string input, string expected) =>
        Assert.Equal(expected, Mask.Name(input));

    [Fact]
    public void A_rare_character_outside_the_basic_plane_counts_as_one()
    {
        Assert.Equal("𠇔*", Mask.Name("𠇔明"));
        Assert.Equal("张*", Mask.Name("张𠇔"));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("张", "张")]
    public void A_missing_or_one_character_name_does_not_throw(string? input, string expected) =>
        Assert.Equal(expected, Mask.Name(input));
}
