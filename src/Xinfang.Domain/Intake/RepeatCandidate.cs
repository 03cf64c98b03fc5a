namespace Xinfang.Domain.Intake;

// A suggestion for the registrar, never a decision. SameFactsAsFinalized proposes 不再受理 (decline, reason
// "finalized") under 《信访工作条例》第三十六条第三款; a person confirms it.
public sealed record RepeatCandidate(
    Guid MatterId,
    string Number,
    double Score,
    IReadOnlyList<string> Reasons,
    bool SameFactsAsFinalized);
