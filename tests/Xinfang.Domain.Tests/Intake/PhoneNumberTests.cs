using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+86-13812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("0086 13812345678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    public void Mainland_mobiles_are_normalized_to_11_digits(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input).Value);

    [Theory]
    [InlineData("029-86861234", "029-86861234")]
    [InlineData("02986861234", "029-86861234")]
    [InlineData("(029) 8686 1234", "029-86861234")]
    [InlineData("（029）86861234", "029-86861234")]
    [InlineData("010-62345678", "010-62345678")]
    [InlineData("0917-3212345", "0917-3212345")]
    [InlineData("09173212345", "0917-3212345")]
    [InlineData("0917-32123456", "0917-32123456")]
    [InlineData("+86 29 8686 1234", "029-86861234")]
    [InlineData("029-86861234-8001", "029-86861234-8001")]
    [InlineData("029-86861234转8001", "029-86861234-8001")]
    [InlineData("029 86861234 ext. 12", "029-86861234-12")]
    public void Landlines_with_an_area_code_are_normalized(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input).Value);

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("86861234")]
    [InlineData("029-1234567")]
    [InlineData("029-06861234")]
    [InlineData("0917-321234")]
    [InlineData("0917-321234567")]
    [InlineData("95588")]
    [InlineData("12345")]
    [InlineData("电话13812345678")]
    [InlineData("abc")]
    public void Anything_else_is_invalid(string input)
    {
        var error = PhoneNumber.Normalize(input).Error!;

        Assert.Equal("phone.invalid", error.Code);
        Assert.Equal(["phone"], error.Fields!.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_number_is_required(string? input) =>
        Assert.Equal("phone.required", PhoneNumber.Normalize(input).Error!.Code);
}
