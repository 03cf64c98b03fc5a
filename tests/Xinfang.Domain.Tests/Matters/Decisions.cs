using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Deciding and applying as the workflow does, without a database: decide, fail loudly if refused, apply.</summary>
internal static class Decisions
{
    public static readonly DateTime At = new(2026, 12, 31, 2, 0, 0, DateTimeKind.Utc);

    private static int _lastNumber;

    /// <summary>Gives every notice a distinct document number, the way the workflow's counters do.</summary>
    public static string Number(NoticeDraft draft) =>
        $"{draft.Kind.NumberMark()}〔测〕{Interlocked.Increment(ref _lastNumber)}号";

    /// <summary>A number for each notice of the change, in order.</summary>
    public static IReadOnlyList<string> Numbers(MatterChange change) => change.Notices.Select(Number).ToList();

    public static Result<MatterChange> Decide(Matter matter, MatterCommand command, Actor actor, DateOnly? today = null, DeadlineRules? clocks = null) =>
        Lifecycle.Decide(matter, command, Org.Context(actor, today, clocks));

    /// <summary>Decides and applies a step that must be accepted; a refusal is a broken test arrangement.</summary>
    public static MatterChange Do(Matter matter, MatterCommand command, Actor actor, DateOnly? today = null, DeadlineRules? clocks = null)
    {
        var decided = Decide(matter, command, actor, today, clocks);
        if (!decided.TryGet(out var change, out var error))
        {
            throw new InvalidOperationException(
                $"{command.Action} by {Org.NameOf(actor)} on a {matter.Status} matter was refused: {error.Code}: {error.Detail}");
        }

        if (change.AlreadyDone)
        {
            throw new InvalidOperationException($"{command.Action} had already been done: nothing was applied.");
        }

        matter.Apply(change, Numbers(change), actor.Name, At);
        return change;
    }

    /// <summary>The error of a step that must be refused.</summary>
    public static Error Refused(Matter matter, MatterCommand command, Actor actor, DateOnly? today = null, DeadlineRules? clocks = null)
    {
        var decided = Decide(matter, command, actor, today, clocks);
        return decided.Error ?? throw new InvalidOperationException($"{command.Action} on a {matter.Status} matter was not refused.");
    }
}
