namespace Xinfang.Domain.Intake;

/// <summary>What the law says to do with a new petition that repeats a matter, proposed to the registrar, never applied.</summary>
public enum RepeatProposal
{
    None,

    /// <summary>The same matter is accepted and within its time limit at a lower level: 不予受理 (第十九条第三款), reason <c>pending-elsewhere</c>.</summary>
    DeclinePendingElsewhere,

    /// <summary>The same facts and reasons after 复核: 不再受理 (第三十六条第三款), reason <c>finalized</c>.</summary>
    DeclineFinalized,
}

// A suggestion for the registrar, never a decision. SameFactsAsFinalized is kept for candidates stored before
// Proposal existed; it equals Proposal == DeclineFinalized.
public sealed record RepeatCandidate(
    Guid MatterId,
    string Number,
    double Score,
    IReadOnlyList<string> Reasons,
    bool SameFactsAsFinalized,
    RepeatProposal Proposal = RepeatProposal.None,
    double Similarity = 0);
