using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Prevention;

/// <summary>Every unit of a round reports or files a zero report; silence shows as missing.</summary>
public sealed class ScreeningRoundsTests
{
    private static readonly DateOnly From = new(2026, 11, 16);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void Each_unit_is_reported_zero_or_missing_by_its_latest_report()
    {
        var reports = new[]
        {
            new RoundReportFact(A, Zero: true, 0, From),
            new RoundReportFact(A, Zero: false, 2, From.AddDays(2)),
            new RoundReportFact(B, Zero: true, 0, From.AddDays(1)),
            new RoundReportFact(Guid.NewGuid(), Zero: false, 5, From),
        };

        var states = ScreeningRounds.States([A, B, C, A], reports);

        Assert.Equal(
            [new(A, RoundReportState.Reported, 2, From.AddDays(2)), new(B, RoundReportState.Zero, 0, From.AddDays(1)), new RoundUnitState(C, RoundReportState.Missing, 0, null)],
            states);
        Assert.Equal([C], ScreeningRounds.Missing([A, B, C], reports));
    }

    [Theory]
    [InlineData(" ", RoundKind.Weekly, 0, 6, 3, "ledger.round-name-required")]
    [InlineData(null, RoundKind.Weekly, 0, 6, 3, "ledger.round-name-required")]
    [InlineData("第47周排查", null, 0, 6, 3, "ledger.round-kind-invalid")]
    [InlineData("第47周排查", RoundKind.Weekly, 6, 0, 3, "ledger.round-dates-invalid")]
    [InlineData("第47周排查", RoundKind.Weekly, null, 6, 3, "ledger.round-dates-invalid")]
    [InlineData("第47周排查", RoundKind.Weekly, 0, null, 3, "ledger.round-dates-invalid")]
    [InlineData("第47周排查", RoundKind.Weekly, 0, 6, 0, "ledger.round-units-required")]
    public void A_bad_round_is_refused_with_a_named_error(string? name, RoundKind? kind, int? from, int? to, int units, string code)
    {
        var error = ScreeningRounds.CheckRound(name, kind, from is { } f ? From.AddDays(f) : null, to is { } t ? From.AddDays(t) : null, units).Error!;

        Assert.Equal((code, ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void A_round_of_one_day_or_more_with_units_is_accepted()
    {
        Assert.Equal(RoundKind.Special, ScreeningRounds.CheckRound("供暖专项排查", RoundKind.Special, From, From, 1).Value);
        Assert.Equal("ledger.round-name-required", ScreeningRounds.CheckRound(new string('名', LedgerRules.TitleLength + 1), RoundKind.Monthly, From, From, 1).Error!.Code);
    }

    [Theory]
    [InlineData(false, false, true, 0, 0, "ledger.round-unit-not-included", ErrorKind.Forbidden)]
    [InlineData(true, false, true, 0, -1, "ledger.round-not-started", ErrorKind.Rule)]
    [InlineData(true, true, true, 0, 0, "ledger.round-already-reported", ErrorKind.Conflict)]
    [InlineData(true, false, true, 2, 0, "ledger.round-report-invalid", ErrorKind.Validation)]
    [InlineData(true, false, false, 0, 0, "ledger.round-report-invalid", ErrorKind.Validation)]
    public void A_report_not_allowed_is_refused_with_a_named_error(bool inRound, bool already, bool zero, int items, int todayOffset, string code, ErrorKind kind)
    {
        var error = ScreeningRounds.CheckReport(inRound, already, zero, items, From, From.AddDays(todayOffset)).Error!;

        Assert.Equal((code, kind), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 3)]
    public void A_zero_report_or_a_list_of_items_is_accepted_from_the_first_day(bool zero, int items) =>
        Assert.Equal(zero, ScreeningRounds.CheckReport(true, false, zero, items, From, From).Value);
}
