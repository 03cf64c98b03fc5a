using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;

namespace Xinfang.Domain.Supervision;

/// <summary>The letters of the daily sweep (《信访工作条例》第四十条; REFERENCE.md 4.6, 4.7).</summary>
public enum LetterKind
{
    /// <summary>提醒函: the due date is near.</summary>
    Reminder,
    /// <summary>督办函: the clock ran out; level 2 is 挂牌督办, reported to the leader in charge.</summary>
    Supervision,
}

/// <summary>A letter the sweep should issue for one clock on one day.</summary>
public sealed record LetterDue(LetterKind Kind, int Level, int OverdueWorkingDays)
{
    /// <summary>The notice that carries the letter: it is numbered, stored and printed like every other notice.</summary>
    public NoticeKind NoticeKind => (Kind, Level) switch
    {
        (LetterKind.Reminder, _) => NoticeKind.ReminderLetter,
        (LetterKind.Supervision, 1) => NoticeKind.SupervisionLetter,
        _ => NoticeKind.ListedSupervisionLetter,
    };
}

/// <summary>The sweep's thresholds, all in working days; settings under <c>Supervision</c>.</summary>
public sealed record SweepThresholds(int ReminderWithin = 3, int Level2After = 10, int FeedbackWithin = 5)
{
    public static SweepThresholds Default { get; } = new();
}

/// <summary>
/// What the daily sweep decides for one open clock (LIFECYCLE.md "Supervision on top of the clocks"). Pure: the
/// clock's due date, the day of the sweep, the calendar and the thresholds decide, nothing else.
/// </summary>
public static class Letters
{
    /// <summary>
    /// The clocks that bind the bureau or a unit (<see cref="Deadline.IsDuty"/>). The petitioner's windows and a
    /// unit's right to object are never supervised.
    /// </summary>
    public static bool IsSupervised(Deadline deadline) => deadline.IsDuty && !Unsupervised.Contains(deadline.Code);

    /// <summary>Clocks that are never supervised even where marked as duties: the petitioner's windows, the right to object.</summary>
    public static IReadOnlyList<string> Unsupervised { get; } = [PeriodRules.ReviewRequest, PeriodRules.RecheckRequest, PeriodRules.Objection];

    /// <summary>
    /// The one letter due on <paramref name="asOf"/>: a reminder while the due date is at most
    /// <see cref="SweepThresholds.ReminderWithin"/> working days away (never after it passed: a missed reminder is
    /// not sent late), level 1 once overdue, level 2 once overdue by <see cref="SweepThresholds.Level2After"/> working
    /// days. Null when nothing is due. Each (clock, kind, level) is issued once; the register keeps that.
    /// </summary>
    public static LetterDue? Due(DateOnly dueOn, DateOnly asOf, WorkCalendar calendar, SweepThresholds thresholds)
    {
        if (asOf <= dueOn)
        {
            return calendar.CountWorkingDays(asOf, dueOn) <= thresholds.ReminderWithin ? new LetterDue(LetterKind.Reminder, 0, 0) : null;
        }

        var overdue = calendar.CountWorkingDays(dueOn, asOf);
        if (overdue == 0)
        {
            return null; // past the date, but only over a weekend or holiday: the next working day is not yet lost
        }

        return new LetterDue(LetterKind.Supervision, overdue >= thresholds.Level2After ? 2 : 1, overdue);
    }

    /// <summary>
    /// The latest due date that can draw any letter on <paramref name="asOf"/>: every clock due later is left out of
    /// the sweep's query, so a day's sweep reads only the clocks near or past their date.
    /// </summary>
    public static DateOnly Horizon(DateOnly asOf, WorkCalendar calendar, SweepThresholds thresholds)
    {
        var day = asOf;
        while (calendar.CountWorkingDays(asOf, day.AddDays(1)) <= thresholds.ReminderWithin)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The latest due date that is overdue by at least <paramref name="workingDays"/> working days on
    /// <paramref name="asOf"/> (1: level 1, <see cref="SweepThresholds.Level2After"/>: level 2), for the sweep's query.
    /// </summary>
    public static DateOnly OverdueCut(DateOnly asOf, int workingDays, WorkCalendar calendar)
    {
        var day = asOf.AddDays(-1);
        while (calendar.CountWorkingDays(day, asOf) < workingDays)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The feedback date written in a letter: <see cref="SweepThresholds.FeedbackWithin"/> working days after issue.</summary>
    public static DateOnly FeedbackDue(DateOnly issuedOn, WorkCalendar calendar, SweepThresholds thresholds)
    {
        var day = issuedOn;
        while (calendar.CountWorkingDays(issuedOn, day) < thresholds.FeedbackWithin)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Who answers for a clock: the bureau's own time to dispose, the review or recheck body, otherwise the handling unit.</summary>
    public static Guid ResponsibleUnit(string clock, Guid registeringUnitId, Guid? unitId, Guid? reviewBodyId, Guid? recheckBodyId) => clock switch
    {
        PeriodRules.Dispose => registeringUnitId,
        PeriodRules.Review => reviewBodyId ?? unitId ?? registeringUnitId,
        PeriodRules.Recheck => recheckBodyId ?? unitId ?? registeringUnitId,
        _ => unitId ?? registeringUnitId,
    };
}
