using Xinfang.Domain.Matters;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>The shapes of matter numbers and 文号 (the sequences come from the database's counters).</summary>
public sealed class NumberingTests
{
    [Theory]
    [InlineData(1, "610114-2025-000001")]
    [InlineData(123, "610114-2025-000123")]
    [InlineData(999_999, "610114-2025-999999")]
    [InlineData(1_000_000, "610114-2025-1000000")] // a seventh digit rather than a wrap or a clash
    public void A_matter_number_is_the_unit_code_the_year_and_six_digits(long sequence, string expected) =>
        Assert.Equal(expected, Numbering.MatterNumber(Org.Bureau, 2025, sequence));

    [Fact]
    public void Each_unit_and_year_numbers_its_matters_from_its_own_counter()
    {
        Assert.NotEqual(Numbering.MatterScope(Org.Bureau, 2025), Numbering.MatterScope(Org.Bureau, 2026));
        Assert.NotEqual(Numbering.MatterScope(Org.Bureau, 2025), Numbering.MatterScope(Org.StreetA, 2025));
    }

    [Theory]
    [InlineData(NoticeKind.AcceptanceNotice, 12, "阎信受〔2025〕12号")]
    [InlineData(NoticeKind.TransferLetter, 3, "阎信转〔2025〕3号")]
    [InlineData(NoticeKind.Receipt, 700, "阎信登〔2025〕700号")]
    public void A_notice_number_is_the_issuers_short_name_the_mark_the_year_and_the_number(NoticeKind kind, long sequence, string expected) =>
        Assert.Equal(expected, Numbering.NoticeNumber(Org.Bureau, kind, 2025, sequence));

    [Fact]
    public void The_notice_and_the_letter_of_one_transfer_share_the_run_of_their_mark()
    {
        Assert.Equal(Numbering.NoticeScope(Org.Bureau, NoticeKind.TransferNotice, 2025), Numbering.NoticeScope(Org.Bureau, NoticeKind.TransferLetter, 2025));
        Assert.NotEqual(Numbering.NoticeScope(Org.Bureau, NoticeKind.TransferLetter, 2025), Numbering.NoticeScope(Org.StreetA, NoticeKind.TransferLetter, 2025));
        Assert.NotEqual(Numbering.NoticeScope(Org.Bureau, NoticeKind.AcceptanceNotice, 2025), Numbering.NoticeScope(Org.Bureau, NoticeKind.TransferLetter, 2025));
    }
}
