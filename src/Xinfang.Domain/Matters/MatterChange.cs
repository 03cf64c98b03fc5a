namespace Xinfang.Domain.Matters;

/// <summary>A notice the decision requires; the workflow numbers it (文号) before the change is applied.</summary>
public sealed record NoticeDraft(NoticeKind Kind, Recipient Recipient, Guid? RecipientUnitId, Guid IssuingUnitId, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The notice this one corrects (更正), or null for a first issue.</summary>
    public Guid? Corrects { get; init; }
}

/// <summary>
/// A due date moved by a decision: an approved extension (第三十四条) or hearing days that do not count (第三十六条第二款)
/// lengthen the deadline, which keeps them so that a recalculation measures the same way.
/// </summary>
public sealed record Rescheduled(string Code, DateOnly From, DateOnly To, bool Provisional, string Because)
{
    public int ExtensionDays { get; init; }

    public int HearingDays { get; init; }
}

/// <summary>Who holds the matter after a disposal: the unit, the day it received it (第二十三条第三款), and whether it was assigned (交办).</summary>
public sealed record Holding(Guid? UnitId, DateOnly? ReceivedOn, bool Assigned)
{
    /// <summary>Back with the bureau after an objection: no unit holds it.</summary>
    public static readonly Holding Returned = new(null, null, false);
}

public sealed record Acceptance(DateOnly On, bool Simplified);

public sealed record StatutoryRoute(RouteChannel Channel, string Body);

public sealed record Declination(DeclineReason Reason, Guid? RelatedMatterId);

public sealed record Delivery(Guid NoticeId, DeliveryMethod Method);

/// <summary>
/// Everything a decision changes, as data: the new state, the fields it sets, the deadlines opened, closed or moved,
/// the notices to issue and the row of history. <see cref="Matter.Apply"/> carries it out without knowing which
/// action it came from, so a new action needs a decision and a row of the table, nothing in the matter.
/// A field left null is not changed.
/// </summary>
public sealed record MatterChange(MatterAction Action, MatterStatus? From, MatterStatus To, DateOnly On, string? Note)
{
    public Holding? Holding { get; init; }

    public Acceptance? Acceptance { get; init; }

    public StatutoryRoute? RoutedTo { get; init; }

    public Guid? ReferredTo { get; init; }

    public Declination? Declination { get; init; }

    public int? ExtensionDays { get; init; }

    public Conclusion? Conclusion { get; init; }

    public Implementation? Implementation { get; init; }

    public Evaluation? Evaluation { get; init; }

    public Guid? ReviewBody { get; init; }

    public BodyOpinion? ReviewOpinion { get; init; }

    public Guid? RecheckBody { get; init; }

    public BodyOpinion? RecheckOpinion { get; init; }

    public Delivery? Delivery { get; init; }

    public SpamMark? Spam { get; init; }

    /// <summary>The spam mark is withdrawn (null in <see cref="Spam"/> means "not changed").</summary>
    public bool ClearsSpam { get; init; }

    public IReadOnlyList<Deadline> Opened { get; init; } = [];

    public IReadOnlyList<string> Closed { get; init; } = [];

    public IReadOnlyList<string> Cancelled { get; init; } = [];

    public IReadOnlyList<string> Reopened { get; init; } = [];

    public IReadOnlyList<Rescheduled> Rescheduled { get; init; } = [];

    /// <summary>The notices to issue, in order; <see cref="Matter.Apply"/> takes their numbers in the same order.</summary>
    public IReadOnlyList<NoticeDraft> Notices { get; init; } = [];

    public EventDetails? Details { get; init; }

    /// <summary>
    /// The step was already taken and an idempotent repeat asks for it again (a late request declined twice): nothing
    /// is applied and the caller is answered with the matter as it is.
    /// </summary>
    public bool AlreadyDone { get; init; }
}
