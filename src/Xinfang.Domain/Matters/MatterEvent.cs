namespace Xinfang.Domain.Matters;

/// <summary>One row of a matter's history: who did what, when (instant) and on which day (statutory date), from → to.</summary>
public sealed class MatterEvent
{
    private MatterEvent()
    {
        By = "";
    }

    public MatterEvent(MatterAction action, MatterStatus? from, MatterStatus to, DateOnly on, DateTime at, string by, string? note, string? data)
    {
        Action = action;
        From = from;
        To = to;
        On = on;
        At = at;
        By = by;
        Note = note;
        Data = data;
    }

    /// <summary>A due date moved outside any action (the calendar or a rule changed); written in bulk, so it names its matter.</summary>
    public static MatterEvent Recalculated(Guid matterId, MatterStatus status, DateOnly on, DateTime at, string by, string note, RecalculateDetails details) =>
        new(MatterAction.Recalculate, status, status, on, at, by, note, details.ToJson()) { MatterId = matterId };

    public long Id { get; private set; }

    public Guid MatterId { get; private set; }

    public MatterAction Action { get; private set; }

    public MatterStatus? From { get; private set; }

    public MatterStatus To { get; private set; }

    /// <summary>The day the step happened, as the clerk recorded it (may be back-dated, never in the future).</summary>
    public DateOnly On { get; private set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; private set; }

    public string By { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The <see cref="Details"/> as stored: JSON with its schema version.</summary>
    public string? Data { get; private set; }

    /// <summary>What the step recorded beyond its note, as the record its action writes (e.g. the kind of a handling-log entry).</summary>
    public EventDetails? Details => EventDetails.Read(Action, Data);
}
