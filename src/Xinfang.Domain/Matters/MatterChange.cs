using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>A notice the decision requires; the workflow numbers it (文号) when the change is applied.</summary>
public sealed record NoticeDraft(NoticeKind Kind, Recipient Recipient, Guid? RecipientUnitId, Guid IssuingUnitId, IReadOnlyDictionary<string, string> Fields);

public sealed record Rescheduled(string Code, DateOnly From, DateOnly To, bool Provisional, string Because);

/// <summary>
/// The outcome of a decision: what the matter becomes and everything that goes with it — clocks opened, closed or
/// moved, notices to issue, the row of history. Pure data: <see cref="Matter.Apply"/> carries it out.
/// A change with a <see cref="Refusal"/> is recorded (e.g. the 不予受理 notice for a late review request) but the
/// caller is answered with the refusal.
/// </summary>
public sealed record MatterChange(MatterCommand? Command, MatterAction Action, MatterStatus? From, MatterStatus To, DateOnly On, string? Note)
{
    public IReadOnlyList<Deadline> Opened { get; init; } = [];

    public IReadOnlyList<string> Closed { get; init; } = [];

    public IReadOnlyList<string> Cancelled { get; init; } = [];

    public IReadOnlyList<string> Reopened { get; init; } = [];

    public IReadOnlyList<Rescheduled> Rescheduled { get; init; } = [];

    public IReadOnlyList<NoticeDraft> Notices { get; init; } = [];

    /// <summary>The unit that holds the matter after the change, where the change decides one (transfer, review, …).</summary>
    public Guid? Holder { get; init; }

    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();

    public Error? Refusal { get; init; }
}
