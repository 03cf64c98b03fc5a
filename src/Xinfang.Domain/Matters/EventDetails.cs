using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinfang.Domain.Matters;

/// <summary>
/// What a row of the history says beyond who, when and from → to: one record type per kind of step, stored as JSON
/// with its schema version (<c>"v"</c>) and read back as the same record. Which record belongs to which action is
/// declared once, in <see cref="Lifecycle.Table"/>; a rule reads a property, never searches the text.
/// </summary>
public abstract record EventDetails
{
    /// <summary>The schema version the row was written with. Version 1 is the shape rows had before it was stored.</summary>
    [JsonPropertyName("v")]
    [JsonPropertyOrder(-1)]
    public int Version { get; init; } = 1;

    private static readonly JsonSerializerOptions Json = new(MatterJson.Options)
    {
        // Flags that are false and values that are absent are left out, as they always were.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Json);

    /// <summary>The details of a stored history row, as the record its action writes (null when it writes none).</summary>
    public static EventDetails? Read(MatterAction action, string? json) =>
        json is null || Lifecycle.DetailsOf(action) is not { } type ? null : (EventDetails?)JsonSerializer.Deserialize(json, type, Json);
}

/// <summary>Transfer, assignment or referral: where the routing rules proposed to send it, and whether the clerk followed (the system suggests, a person decides).</summary>
public sealed record DispatchDetails(Guid? SuggestedUnitId, string? Suggestion, bool FollowedSuggestion) : EventDetails
{
    /// <summary>The bureau's report-back date of an assignment (第二十二条第一款第三项).</summary>
    public DateOnly? DueOn { get; init; }
}

public sealed record RouteDetails(RouteChannel Channel, string Body) : EventDetails;

public sealed record DeclineDetails(DeclineReason Reason, Guid? RelatedMatterId) : EventDetails
{
    /// <summary>For a late review or recheck request: the end of the window it missed.</summary>
    public DateOnly? WindowDue { get; init; }
}

public sealed record AcceptDetails(bool Simplified, bool Late) : EventDetails;

public sealed record ExtendDetails(int Days, DateOnly From, DateOnly To) : EventDetails;

public sealed record LogDetails(LogKind Kind) : EventDetails;

public sealed record ConcludeDetails(Outcome Outcome, bool Draft) : EventDetails;

public sealed record DeliverDetails(Guid NoticeId, string Number, DeliveryMethod Method) : EventDetails
{
    public NoticeKind? Kind { get; init; }
}

/// <summary>A corrected notice: the one it corrects (the new one is the notice the step issued).</summary>
public sealed record ReissueDetails(Guid CorrectedId, string CorrectedNumber) : EventDetails
{
    public NoticeKind? Kind { get; init; }
}

public sealed record EvaluateDetails(EvaluationTarget Target, Rating Rating) : EventDetails
{
    /// <summary>Recorded by staff from a rating given on paper or by phone.</summary>
    public bool OnBehalf { get; init; }
}

/// <summary>A review or recheck request: the body it went to (one level above, from the organisation tree).</summary>
public sealed record RequestDetails(Guid BodyId, string Body) : EventDetails;

public sealed record OpinionDetails(ReviewDecision Decision) : EventDetails;

public sealed record HearingDetails(DateOnly From, DateOnly To, int Days) : EventDetails;

/// <summary>A due date moved outside any action, because the calendar or a period rule changed.</summary>
public sealed record RecalculateDetails(string Code, DateOnly From, DateOnly To) : EventDetails;
