namespace Xinfang.Domain.Intake;

/// <summary>Where an earlier matter stands, as far as the law on repeats cares.</summary>
public enum PriorStanding
{
    /// <summary>Registered, not yet accepted or handled by anyone.</summary>
    Open,

    /// <summary>Accepted and handled by a unit within its time limit: the same matter is not accepted again higher up (第十九条第三款).</summary>
    PendingWithinLimit,

    /// <summary>办结 (concluded, reviewed, or otherwise ended): a new petition on it is "办理后仍重复信访".</summary>
    Concluded,

    /// <summary>复核 concluded: the same facts and reasons are not accepted again (第三十六条第三款).</summary>
    Finalized,
}

/// <summary>An earlier matter to compare against, with the same kinds of keys and words as <see cref="RepeatProbe"/>.</summary>
public sealed record PriorMatter(
    Guid MatterId,
    string Number,
    DateOnly ReceivedOn,
    PersonKeys Persons,
    IReadOnlyList<string> Words,
    IReadOnlyCollection<string> AddressWords,
    string? CategoryCode,
    Guid? LocationUnitId,
    string? Respondent,
    PriorStanding Standing);
