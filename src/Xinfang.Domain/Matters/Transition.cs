namespace Xinfang.Domain.Matters;

/// <summary>One row of the transition table: an action, the states it may start from, where it leads, and who may take it.</summary>
public sealed record Transition(MatterAction Action, IReadOnlySet<MatterStatus> From, MatterStatus? To, Party Who)
{
    /// <summary>Where the action leads from <paramref name="status"/> (null in the table means "stays where it is").</summary>
    public MatterStatus Target(MatterStatus status) => To ?? status;
}
