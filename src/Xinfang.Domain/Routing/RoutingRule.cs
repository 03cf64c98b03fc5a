using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Routing;

/// <summary>
/// A rule the administrator keeps: when a matter matches every condition given (a category, with its subcategories;
/// a street or town; a purpose; a flag), propose this target unit. Conditions left empty match anything.
/// </summary>
public sealed record RoutingRule(Guid Id, string? CategoryCode, Guid? LocationUnitId, Purpose? Purpose, MatterFlag? Flag, Guid TargetUnitId, string? Note = null)
{
    /// <summary>How much the rule says: a purpose or flag rule (accusation → discipline) outranks a topic rule.</summary>
    public int Specificity =>
        (Purpose is null ? 0 : 8) + (Flag is null ? 0 : 8) + (LocationUnitId is null ? 0 : 2) + (CategoryCode?.Count(c => c == '.') + 1 ?? 0);
}
