using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// One row of the transition table: an action, the states it may start from, where it leads, who may take it, the
/// command it takes, the record its history row keeps (null: none) and the decision that works out its change.
/// </summary>
public sealed record Transition(MatterAction Action, IReadOnlySet<MatterStatus> From, MatterStatus? To, Party Who)
{
    public required Type Command { get; init; }

    public Type? Details { get; init; }

    internal Func<Lifecycle.Step, MatterCommand, Result<MatterChange>> Decide { get; init; } = null!;

    /// <summary>Where the action leads from <paramref name="status"/> (null in the table means "stays where it is").</summary>
    public MatterStatus Target(MatterStatus status) => To ?? status;
}
