namespace Xinfang.Domain.Matters;

/// <summary>What the rules propose, and why; the clerk decides (the system suggests, a person decides).</summary>
public sealed record RoutingSuggestion(Guid UnitId, string Reason, Guid RuleId);
