using Xinfang.Domain.Organisation;

namespace Xinfang.Domain.Matters;

/// <summary>
/// Everything a decision may look at besides the matter: who acts, what day it is, the deadline rules, the organisation tree
/// and the content categories. Passed in, never fetched: decisions stay pure and repeatable.
/// </summary>
public sealed record DecisionContext(Actor Actor, DateOnly Today, DeadlineRules Deadlines, IReadOnlyDictionary<Guid, Unit> Units)
{
    public IReadOnlySet<string> Categories { get; init; } = new HashSet<string>();

    /// <summary>Days after an opinion's delivery within which the petitioner evaluates it (the bureau's setting, <see cref="Satisfaction"/>).</summary>
    public int EvaluationDays { get; init; } = Satisfaction.DefaultWindowDays;

    public Unit? UnitOf(Guid? id) => id is { } v && Units.TryGetValue(v, out var unit) && unit.IsActive ? unit : null;

    public string NameOf(Guid? id) => id is { } v && Units.TryGetValue(v, out var unit) ? unit.Name : "";
}
