namespace Xinfang.Domain.Matters;

/// <summary>
/// What a user asks to do to a matter: the body of one POST of the API. <see cref="On"/> is the day it happened
/// (default today): it may be back-dated to record a letter received last week, never set in the future, never before
/// the matter's previous step. Each command sits beside the decision that answers it (Lifecycle.*.cs).
/// </summary>
public abstract record MatterCommand(DateOnly? On)
{
    public abstract MatterAction Action { get; }
}
