using Xinfang.Domain.Deadlines;

namespace Xinfang.Domain.Matters;

public enum DeadlineState
{
    Open,
    /// <summary>Closed on or before the due date.</summary>
    Met,
    /// <summary>Closed after the due date: the step happened, late (e.g. an acceptance the law sanctions but allows).</summary>
    Late,
    /// <summary>No longer applies (the unit objected, the matter left the petition track).</summary>
    Cancelled,
}

/// <summary>
/// A statutory clock on a matter: which rule (and its version), from which day, and the due date it gives. The due
/// date is always recomputable from the rule and the calendar, which is how "explain" and recalculation work.
/// A fixed deadline (a date set by the assigning bureau or a higher level) has no rule and is never recomputed.
/// </summary>
public sealed class Deadline
{
    /// <summary>The report-back date set by the bureau when it assigns a matter (交办, 第二十二条第一款第三项).</summary>
    public const string Assigned = "assigned";

    /// <summary>The due date set by a higher level that assigned the matter to the district (上级交办).</summary>
    public const string Superior = "superior";

    private Deadline()
    {
        Code = "";
        RuleCode = "";
    }

    public Deadline(Guid id, string code, DateOnly startOn, int days, PeriodKind kind, bool rollForward, int ruleVersion, bool isDuty, DateOnly dueOn, bool provisional,
                    string? ruleCode = null)
    {
        Id = id;
        Code = code;
        RuleCode = ruleCode ?? code;
        StartOn = startOn;
        Days = days;
        Kind = kind;
        RollForward = rollForward;
        RuleVersion = ruleVersion;
        IsDuty = isDuty;
        DueOn = dueOn;
        Provisional = provisional;
    }

    public Guid Id { get; private set; }

    public Guid MatterId { get; private set; }

    /// <summary>The period rule's code (<c>handling</c>, <c>review</c>, …) or a fixed code (<c>assigned</c>, <c>superior</c>).</summary>
    public string Code { get; private set; }

    /// <summary>
    /// The rule that gave the days: the statutory one (same as <see cref="Code"/>) or a local one such as
    /// <c>dispose.urgent</c>; its name and source are what the explanation cites, <see cref="RuleVersion"/> is its version.
    /// </summary>
    public string RuleCode { get; private set; }

    public DateOnly StartOn { get; private set; }

    public int Days { get; private set; }

    public PeriodKind Kind { get; private set; }

    public bool RollForward { get; private set; }

    public int RuleVersion { get; private set; }

    /// <summary>Days added to the period that do not count towards it, e.g. hearing days of a recheck (第三十六条第二款).</summary>
    public int ExtraDays { get; private set; }

    /// <summary>Calendar days of an approved extension, counted from the original due date (第三十四条).</summary>
    public int ExtensionDays { get; private set; }

    /// <summary>A duty binds the bureau or a unit and is supervised; a petitioner's window or the right to object is not.</summary>
    public bool IsDuty { get; private set; }

    public bool IsFixed => Days == 0;

    public DateOnly DueOn { get; private set; }

    /// <summary>Computed without the official holidays of some year (not entered yet); recomputed when it is.</summary>
    public bool Provisional { get; private set; }

    public DeadlineState State { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public static Deadline Fixed(string code, DateOnly startOn, DateOnly dueOn) =>
        new(Guid.CreateVersion7(), code, startOn, 0, PeriodKind.Calendar, false, 0, isDuty: true, dueOn, provisional: false);

    public bool IsOverdue(DateOnly today) => State == DeadlineState.Open && today > DueOn;

    public void Close(DateOnly on)
    {
        State = on <= DueOn ? DeadlineState.Met : DeadlineState.Late;
        ClosedOn = on;
    }

    public void Cancel(DateOnly on)
    {
        State = DeadlineState.Cancelled;
        ClosedOn = on;
    }

    public void Reopen()
    {
        State = DeadlineState.Open;
        ClosedOn = null;
    }

    /// <summary>A decision moved the due date; an extension or hearing days it granted stay on the deadline for recalculation.</summary>
    public void Reschedule(Rescheduled moved)
    {
        DueOn = moved.To;
        Provisional = moved.Provisional;
        ExtensionDays += moved.ExtensionDays;
        ExtraDays += moved.HearingDays;
    }

    /// <summary>The calendar or a rule changed (recalculation): the due date the same rule now gives.</summary>
    public void Reschedule(DateOnly dueOn, bool provisional)
    {
        DueOn = dueOn;
        Provisional = provisional;
    }
}
