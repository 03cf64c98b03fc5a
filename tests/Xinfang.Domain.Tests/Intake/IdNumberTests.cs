using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Intake;

// All numbers here are made up: region 610114, birth dates and sequences chosen for the test, check characters computed.
public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2025, 3, 3);

    [Fact]
    public void A_valid_18_digit_number_gives_its_region_birth_date_and_sex()
    {
        var info = IdNumber.Parse("610114198005171233", Today).Value;

        Assert.Equal("610114198005171233", info.Normalized);
        Assert.Equal("610114", info.RegionCode);
        Assert.Equal(new DateOnly(1980, 5, 17), info.BirthDate);
        Assert.Equal(Sex.Male, info.Sex);
        Assert.False(info.UpgradedFromLegacy);
    }

    [Fact]
    public void An_even_17th_digit_means_female()
    {
        Assert.Equal(Sex.Female, IdNumber.Parse("610114198005171241", Today).Value.Sex);
    }

    [Fact]
    public void A_number_whose_check_character_is_X_is_valid()
    {
        Assert.Equal("61011419750312008X", IdNumber.Parse("61011419750312008X", Today).Value.Normalized);
    }

    [Fact]
    public void A_lower_case_x_and_surrounding_spaces_are_normalized()
    {
        Assert.Equal("61011419750312008X", IdNumber.Parse("  61011419750312008x ", Today).Value.Normalized);
    }

    [Fact]
    public void Full_width_digits_typed_with_a_Chinese_input_method_are_accepted()
    {
        Assert.Equal("61011419750312008X", IdNumber.Parse("６１０１１４１９７５０３１２００８ｘ", Today).Value.Normalized);
    }

    [Fact]
    public void A_residence_permit_for_a_Hong_Kong_resident_is_valid()
    {
        Assert.Equal("810000", IdNumber.Parse(TestIdNumbers.WithCheckCharacter("81000019900101001"), Today).Value.RegionCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_number_is_required(string? input)
    {
        AssertFails(input, "id-number.required");
    }

    [Theory]
    [InlineData("61011419800517123A")]
    [InlineData("6101141980O5171233")]
    [InlineData("X10114198005171233")]
    [InlineData("610114 19800517 1233")]
    [InlineData("61011480051712X")]
    public void Anything_but_digits_and_a_final_X_is_refused(string input)
    {
        AssertFails(input, "id-number.characters");
    }

    [Theory]
    [InlineData("6101141980051712")]
    [InlineData("6101141980051712331")]
    [InlineData("61011419")]
    public void A_number_of_neither_18_nor_15_digits_is_refused(string input)
    {
        var error = AssertFails(input, "id-number.length");
        Assert.Contains(input.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "位", error.Detail);
    }

    [Theory]
    [InlineData("99011419800517123")]
    [InlineData("71000019800517123")]
    [InlineData("10011419800517123")]
    [InlineData("61001419800517123")]
    [InlineData("81010019900101001")]
    public void A_number_outside_the_province_level_codes_is_refused(string first17)
    {
        AssertFails(TestIdNumbers.WithCheckCharacter(first17), "id-number.region");
    }

    [Theory]
    [InlineData("61011419800230123")]
    [InlineData("61011419801301123")]
    [InlineData("61011419800000123")]
    [InlineData("61011418991231123")]
    [InlineData("61011420250304123")]
    public void An_impossible_or_future_birth_date_is_refused(string first17)
    {
        var error = AssertFails(TestIdNumbers.WithCheckCharacter(first17), "id-number.birth-date");
        Assert.Contains("第7至14位", error.Detail);
    }

    [Fact]
    public void A_birth_date_in_the_future_depends_on_the_today_passed_in()
    {
        var number = TestIdNumbers.WithCheckCharacter("61011420250304123");

        AssertFails(number, "id-number.birth-date", today: new DateOnly(2025, 3, 3));
        Assert.True(IdNumber.Parse(number, new DateOnly(2025, 3, 4)).IsSuccess);
    }

    [Fact]
    public void February_29_is_valid_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), IdNumber.Parse("610114200002290026", Today).Value.BirthDate);
        Assert.True(IdNumber.Parse(TestIdNumbers.WithCheckCharacter("61011419840229123"), Today).IsSuccess);
    }

    [Theory]
    [InlineData("61011420010229123")]
    [InlineData("61011419000229123")]
    public void February_29_is_refused_in_a_common_year(string first17)
    {
        AssertFails(TestIdNumbers.WithCheckCharacter(first17), "id-number.birth-date");
    }

    [Fact]
    public void A_wrong_check_character_is_refused_without_revealing_the_right_one()
    {
        var error = AssertFails("610114198005171234", "id-number.check-digit");

        Assert.Equal("身份证号码校验位不正确，请核对号码。", error.Detail);
        Assert.Equal(["idNumber"], error.Fields!.Keys);
    }

    [Fact]
    public void A_legacy_15_digit_number_is_upgraded_to_18_digits()
    {
        var info = IdNumber.Parse("610114800517123", Today).Value;

        Assert.Equal("610114198005171233", info.Normalized);
        Assert.Equal(TestIdNumbers.WithCheckCharacter("61011419800517123"), info.Normalized);
        Assert.Equal(new DateOnly(1980, 5, 17), info.BirthDate);
        Assert.Equal(Sex.Male, info.Sex);
        Assert.True(info.UpgradedFromLegacy);
    }

    [Fact]
    public void A_legacy_number_takes_the_sex_from_its_15th_digit()
    {
        Assert.Equal(Sex.Female, IdNumber.Parse("610114800517124", Today).Value.Sex);
    }

    [Fact]
    public void A_legacy_number_whose_upgrade_ends_in_X_gets_X()
    {
        Assert.Equal("61011419750312008X", IdNumber.Parse("610114750312008", Today).Value.Normalized);
    }

    [Theory]
    [InlineData("610114000229123")]
    [InlineData("610114801301123")]
    public void A_legacy_number_with_an_impossible_birth_date_is_refused(string input)
    {
        var error = AssertFails(input, "id-number.birth-date");
        Assert.Contains("第7至12位", error.Detail);
    }

    [Theory]
    [InlineData("990114800517123")]
    [InlineData("810000900101001")]
    public void A_legacy_number_with_an_impossible_region_is_refused(string input)
    {
        AssertFails(input, "id-number.region");
    }

    private static Error AssertFails(string? input, string code, DateOnly? today = null)
    {
        var result = IdNumber.Parse(input, today ?? Today);

        Assert.False(result.IsSuccess, $"{input} should fail with {code}");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(["idNumber"], result.Error.Fields!.Keys);
        return result.Error;
    }
}
