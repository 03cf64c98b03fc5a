using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Prevention;

public enum RoundReportState
{
    /// <summary>上报: the unit reported the disputes it found.</summary>
    Reported,
    /// <summary>零报告: the unit screened and found nothing, and said so.</summary>
    Zero,
    /// <summary>未报: the unit has not reported; the bureau chases it.</summary>
    Missing,
}

public sealed record RoundReportFact(Guid UnitId, bool Zero, int ItemCount, DateOnly On);

public sealed record RoundUnitState(Guid UnitId, RoundReportState State, int ItemCount, DateOnly? On);

/// <summary>
/// Screening rounds (排查周期): every unit in a round reports, and a unit that found nothing files a zero report
/// (零报告), so that silence is visible as a missing report rather than mistaken for calm.
/// </summary>
public static class ScreeningRounds
{
    public static IReadOnlyList<RoundUnitState> States(IEnumerable<Guid> unitIds, IEnumerable<RoundReportFact> reports)
    {
        var byUnit = reports.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.On).Last());
        return unitIds.Distinct().Select(unit => byUnit.TryGetValue(unit, out var report)
                ? new RoundUnitState(unit, report.Zero ? RoundReportState.Zero : RoundReportState.Reported, report.ItemCount, report.On)
                : new RoundUnitState(unit, RoundReportState.Missing, 0, null))
            .ToList();
    }

    public static IReadOnlyList<Guid> Missing(IEnumerable<Guid> unitIds, IEnumerable<RoundReportFact> reports) =>
        States(unitIds, reports).Where(s => s.State == RoundReportState.Missing).Select(s => s.UnitId).ToList();

    public static Result<RoundKind> CheckRound(string? name, RoundKind? kind, DateOnly? from, DateOnly? to, int unitCount)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > LedgerRules.TitleLength)
        {
            return Error.Validation("ledger.round-name-required", $"请填写排查周期名称（不超过 {LedgerRules.TitleLength} 字）。", "name");
        }

        if (kind is null)
        {
            return Error.Validation("ledger.round-kind-invalid", "请选择排查周期类型（weekly、monthly、special）。", "kind");
        }

        if (from is null || to is null || to < from)
        {
            return Error.Validation("ledger.round-dates-invalid", "请填写排查起止日期，截止日期不能早于开始日期。", "to");
        }

        if (unitCount == 0)
        {
            return Error.Validation("ledger.round-units-required", "请选择参加排查的单位。", "unitIds");
        }

        return kind.Value;
    }

    /// <summary>A unit's report for a round: either the items it found or a zero report, once, from the round's start.</summary>
    public static Result<bool> CheckReport(bool unitInRound, bool alreadyReported, bool zero, int itemCount, DateOnly roundFrom, DateOnly today)
    {
        if (!unitInRound)
        {
            return Error.Forbidden("ledger.round-unit-not-included", "本单位不在该排查周期的参加单位之列。");
        }

        if (today < roundFrom)
        {
            return Error.Rule("ledger.round-not-started", "排查尚未开始", "排查周期开始后才能上报。");
        }

        if (alreadyReported)
        {
            return Error.Conflict("ledger.round-already-reported", "已上报", "本单位已上报该排查周期的结果。");
        }

        if (zero == itemCount > 0)
        {
            return Error.Validation("ledger.round-report-invalid", zero ? "零报告不能同时列出台账事项。" : "请列出排查出的台账事项，或选择零报告。", "itemIds");
        }

        return zero;
    }
}
