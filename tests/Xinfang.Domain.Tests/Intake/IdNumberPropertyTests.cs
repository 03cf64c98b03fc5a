using CsCheck;
using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class IdNumberPropertyTests
{
    private static readonly DateOnly Today = new(2025, 3, 3);

    private static readonly int[] Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 81, 82, 83];

    private static readonly Gen<string> Region =
        Gen.Select(Gen.Int[0, Provinces.Length - 1], Gen.Int[1, 99], Gen.Int[0, 99], (p, prefecture, county) =>
            Provinces[p] >= 81 ? $"{Provinces[p]}0000" : $"{Provinces[p]}{prefecture:00}{county:00}");

    private static readonly Gen<(string Region, DateOnly Birth, int Sequence)> Parts =
        Gen.Select(Region, Gen.DateOnly[new DateOnly(1900, 1, 1), Today], Gen.Int[0, 999]);

    [Fact]
    public void A_constructed_number_parses_back_to_its_parts()
    {
        Parts.Sample((region, birth, sequence) =>
        {
            var number = Build(region, birth, sequence);
            var info = IdNumber.Parse(number, Today).Value;

            Assert.Equal(number, info.Normalized);
            Assert.Equal(region, info.RegionCode);
            Assert.Equal(birth, info.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Sex.Male : Sex.Female, info.Sex);
        });
    }

    [Fact]
    public void Changing_any_single_character_of_a_valid_number_makes_it_invalid()
    {
        Parts.Sample((region, birth, sequence) =>
        {
            var number = Build(region, birth, sequence);
            for (var position = 0; position < number.Length; position++)
            {
                var replacements = position == number.Length - 1 ? "0123456789X" : "0123456789";
                foreach (var replacement in replacements)
                {
                    if (replacement == number[position])
                    {
                        continue;
                    }

                    var changed = string.Concat(number.AsSpan(0, position), [replacement], number.AsSpan(position + 1));
                    Assert.False(IdNumber.Parse(changed, Today).IsSuccess, $"{changed} (from {number}) should be invalid");
                }
            }
        });
    }

    [Fact]
    public void A_legacy_number_upgrades_to_the_18_digit_number_of_the_same_person()
    {
        var legacyParts = Gen.Select(Region.Where(r => !r.StartsWith('8')), Gen.DateOnly[new DateOnly(1900, 1, 1), new DateOnly(1999, 12, 31)], Gen.Int[0, 999]);

        legacyParts.Sample((region, birth, sequence) =>
        {
            var legacy = $"{region}{birth:yyMMdd}{sequence:000}";
            var info = IdNumber.Parse(legacy, Today).Value;

            Assert.Equal(Build(region, birth, sequence), info.Normalized);
            Assert.True(info.UpgradedFromLegacy);
            Assert.Equal(info with { UpgradedFromLegacy = false }, IdNumber.Parse(info.Normalized, Today).Value);
        });
    }

    private static string Build(string region, DateOnly birth, int sequence) =>
        TestIdNumbers.WithCheckCharacter($"{region}{birth:yyyyMMdd}{sequence:000}");
}
