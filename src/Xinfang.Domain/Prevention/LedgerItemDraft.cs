namespace Xinfang.Domain.Prevention;

/// <summary>What a unit writes down about a dispute, already resolved to ids (topic, units) by the caller.</summary>
public sealed record LedgerItemDraft(
    Guid? TopicId,
    string? Title,
    string? Description,
    Guid? LocationUnitId,
    string? People,
    int? Headcount,
    decimal? Amount,
    string? ContactPhone,
    string? ContactIdNumber,
    RiskLevel? Risk,
    LedgerSource? Source,
    Guid? ResponsibleUnitId,
    string? ResponsiblePerson,
    string? Leader,
    string? Measures,
    DateOnly? ReportedOn,
    DateOnly? DueOn,
    LedgerStatus? Status);

/// <summary>A draft that passed <see cref="LedgerRules.Check"/>: required fields present, identifiers normalised.</summary>
public sealed record LedgerItemFacts(
    Guid TopicId,
    string Title,
    string Description,
    Guid LocationUnitId,
    string People,
    int Headcount,
    decimal? Amount,
    string? ContactPhone,
    string? ContactIdNumber,
    RiskLevel Risk,
    LedgerSource Source,
    Guid ResponsibleUnitId,
    string ResponsiblePerson,
    string? Leader,
    string Measures,
    DateOnly ReportedOn,
    DateOnly? DueOn,
    LedgerStatus Status);

/// <summary>One entry of an item's history (化解进展): a note, and the status and measures it set, if any.</summary>
public sealed record LedgerUpdate(DateOnly On, string Note, LedgerStatus? Status, string? Measures, Guid? MatterId, string By);
