using Xinfang.Domain.Prevention;

namespace Xinfang.Web.Features.Prevention;

/// <summary>A ledger item as the API takes it; <c>topic</c> is the topic's code or Chinese name.</summary>
public sealed record LedgerItemInput(
    string? Topic = null,
    string? Title = null,
    string? Description = null,
    Guid? LocationUnitId = null,
    string? People = null,
    int? Headcount = null,
    decimal? Amount = null,
    string? ContactPhone = null,
    string? ContactIdNumber = null,
    RiskLevel? Risk = null,
    LedgerSource? Source = null,
    Guid? ResponsibleUnitId = null,
    string? ResponsiblePerson = null,
    string? Leader = null,
    string? Measures = null,
    DateOnly? ReportedOn = null,
    DateOnly? DueOn = null,
    LedgerStatus? Status = null,
    IReadOnlyList<Guid>? MatterIds = null);

/// <summary>化解进展: a note, and optionally a new status, new measures and the matter the item relates to or became.</summary>
public sealed record LedgerUpdateInput(string? Note = null, LedgerStatus? Status = null, string? Measures = null, Guid? MatterId = null, DateOnly? On = null);

public sealed record LedgerFilter(string? Topic = null, Guid? UnitId = null, RiskLevel? Risk = null, LedgerStatus? Status = null,
                                  DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record LinkedMatter(Guid Id, string Number, string Title);

/// <summary>A ledger item as pages and the API show it: names resolved, identifiers masked.</summary>
public sealed record LedgerItemView(
    Guid Id, string Topic, string TopicName, string Title, string Description, Guid LocationUnitId, string LocationUnit,
    string People, int Headcount, decimal? Amount, string? ContactPhone, string? ContactIdNumber,
    RiskLevel Risk, string RiskLabel, LedgerSource Source, string SourceLabel,
    Guid ResponsibleUnitId, string ResponsibleUnit, string ResponsiblePerson, string? Leader, string Measures,
    DateOnly ReportedOn, DateOnly? DueOn, LedgerStatus Status, string StatusLabel, DateOnly? ClosedOn,
    Guid ReportingUnitId, string ReportingUnit, string CreatedBy, int Version,
    IReadOnlyList<LedgerUpdate> Updates, IReadOnlyList<LinkedMatter> Matters);

public sealed record LedgerPage(int Total, int Page, int PageSize, IReadOnlyList<LedgerItemView> Items);

public sealed record TopicView(Guid Id, string Code, string Name, int SortOrder, bool IsActive);

public sealed record TopicInput(string? Code = null, string? Name = null, int? SortOrder = null, bool IsActive = true);
