using Xinfang.Domain.Deadlines;

namespace Xinfang.Domain.Supervision;

/// <summary>Where a clock's matter stands for the unit: still to be accepted (or disposed of), or accepted and still to be concluded.</summary>
public enum DigestStage
{
    /// <summary>尚未受理: the acceptance notice (第二十四条) or, for the bureau, disposal (第二十二条) is what is due.</summary>
    NotAccepted,
    /// <summary>尚未办结: handling, review or recheck is what is due.</summary>
    NotConcluded,
}

/// <summary>An open supervised clock the unit answers for.</summary>
public sealed record DigestClock(Guid MatterId, string Number, string Title, string Code, DateOnly DueOn);

/// <summary>One line of the digest: the clock, its stage, and working days left (due soon) or lost (overdue).</summary>
public sealed record DigestLine(DigestClock Clock, DigestStage Stage, bool Overdue, int WorkingDays);

/// <summary>A unit's digest as of a day: what is due soon and what is overdue, each split by stage.</summary>
public sealed record UnitDigest(DateOnly AsOf, IReadOnlyList<DigestLine> Lines)
{
    public int Count(bool overdue, DigestStage stage) => Lines.Count(l => l.Overdue == overdue && l.Stage == stage);

    public bool IsEmpty => Lines.Count == 0;
}

/// <summary>
/// The unit digest (issue 13 item 8): after each sweep a unit's handlers see what is due within the reminder window
/// (the days a 提醒函 covers, 《信访工作条例》第四十条) and what is overdue, split into not yet accepted and not yet concluded.
/// </summary>
public static class Digests
{
    public static DigestStage StageOf(string code) => code is PeriodRules.AcceptanceNotice or PeriodRules.Dispose ? DigestStage.NotAccepted : DigestStage.NotConcluded;

    /// <summary>The digest of these clocks: overdue (due before <paramref name="asOf"/>) and due soon (by the reminder horizon); the rest left out.</summary>
    public static UnitDigest Of(IEnumerable<DigestClock> clocks, DateOnly asOf, WorkCalendar calendar, SweepThresholds thresholds)
    {
        var horizon = Letters.Horizon(asOf, calendar, thresholds);
        var lines = clocks.Where(c => c.DueOn <= horizon)
            .Select(c => c.DueOn < asOf
                ? new DigestLine(c, StageOf(c.Code), true, calendar.CountWorkingDays(c.DueOn, asOf))
                : new DigestLine(c, StageOf(c.Code), false, calendar.CountWorkingDays(asOf, c.DueOn)))
            .OrderByDescending(l => l.Overdue).ThenBy(l => l.Clock.DueOn).ThenBy(l => l.Clock.Number, StringComparer.Ordinal)
            .ToList();
        return new UnitDigest(asOf, lines);
    }

    public static string ToChinese(this DigestStage stage) => stage == DigestStage.NotAccepted ? "尚未受理" : "尚未办结";
}
