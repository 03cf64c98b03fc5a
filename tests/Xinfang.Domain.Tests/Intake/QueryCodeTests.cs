using System.Security.Cryptography;
using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

public sealed class QueryCodeTests
{
    private const string Number = "610114-2025-000123";

    [Fact]
    public void The_alphabet_has_no_characters_people_confuse()
    {
        Assert.Equal(25, QueryCode.Alphabet.Length);
        Assert.Equal(QueryCode.Alphabet.Length, QueryCode.Alphabet.Distinct().Count());
        Assert.DoesNotContain(QueryCode.Alphabet, c => "0O1IL2Z5S8B".Contains(c, StringComparison.Ordinal));
        Assert.All(QueryCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void A_generated_code_has_ten_characters_from_the_alphabet()
    {
        var code = QueryCode.Generate(RandomNumberGenerator.GetInt32);

        Assert.Equal(10, code.Length);
        Assert.All(code, c => Assert.Contains(c, QueryCode.Alphabet));
    }

    [Fact]
    public void Generated_codes_use_the_whole_alphabet()
    {
        var seen = Enumerable.Range(0, 500).SelectMany(_ => QueryCode.Generate(RandomNumberGenerator.GetInt32)).ToHashSet();

        Assert.Equal(QueryCode.Alphabet.Order(), seen.Order());
    }

    [Fact]
    public void Generation_asks_the_random_source_for_one_alphabet_index_per_character()
    {
        var asked = new List<int>();
        var next = 0;

        var code = QueryCode.Generate(max =>
        {
            asked.Add(max);
            return next++;
        });

        Assert.Equal(QueryCode.Alphabet[..10], code);
        Assert.Equal(Enumerable.Repeat(QueryCode.Alphabet.Length, 10), asked);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(25)]
    public void A_random_source_out_of_range_is_a_bug(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QueryCode.Generate(_ => value));

    [Fact]
    public void A_hash_is_sha256_hex_and_depends_on_the_matter_number()
    {
        var hash = QueryCode.Hash(Number, "ACD34EFG67");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, QueryCode.Hash(Number, "ACD34EFG67"));
        Assert.NotEqual(hash, QueryCode.Hash("610114-2025-000124", "ACD34EFG67"));
    }

    [Theory]
    [InlineData("ACD34EFG67")]
    [InlineData("acd34efg67")]
    [InlineData(" ACD34 EFG67 ")]
    [InlineData("acd34-efg67")]
    [InlineData("ＡＣＤ３４ＥＦＧ６７")]
    public void A_code_matches_its_hash_as_a_person_types_it(string typed)
    {
        var hash = QueryCode.Hash(Number, "ACD34EFG67");

        Assert.True(QueryCode.Matches(Number, typed, hash));
    }

    [Fact]
    public void A_generated_code_round_trips_through_its_hash()
    {
        var code = QueryCode.Generate(RandomNumberGenerator.GetInt32);

        Assert.True(QueryCode.Matches(Number, code, QueryCode.Hash(Number, code)));
        Assert.True(QueryCode.Matches(Number, code.ToLowerInvariant(), QueryCode.Hash(Number, code).ToUpperInvariant()));
    }

    [Theory]
    [InlineData("ACD34EFG66")]
    [InlineData("ACD34EFG6")]
    [InlineData("")]
    [InlineData(" ")]
    public void A_wrong_code_does_not_match(string typed) =>
        Assert.False(QueryCode.Matches(Number, typed, QueryCode.Hash(Number, "ACD34EFG67")));

    [Fact]
    public void A_code_does_not_match_another_matter()
    {
        Assert.False(QueryCode.Matches("610114-2025-000124", "ACD34EFG67", QueryCode.Hash(Number, "ACD34EFG67")));
    }

    [Fact]
    public void A_malformed_stored_hash_matches_nothing()
    {
        Assert.False(QueryCode.Matches(Number, "ACD34EFG67", "not a hash"));
        Assert.False(QueryCode.Matches(Number, "ACD34EFG67", ""));
    }
}
