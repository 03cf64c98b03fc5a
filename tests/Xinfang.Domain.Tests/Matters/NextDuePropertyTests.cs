using CsCheck;
using Xinfang.Domain.Matters;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>
/// The next due date stored on the matter (what the lists sort and filter by, issue 11) is, after every step of any
/// journey, the one computed from its deadlines: the earliest open duty deadline, ties broken by code.
/// </summary>
public sealed class NextDuePropertyTests
{
    private static readonly Party[] Parties =
        [Party.Registrar, Party.UnitHandler, Party.UnitHead, Party.ReviewHandler, Party.ReviewHead, Party.RecheckHandler, Party.RecheckHead, Party.System];

    [Fact]
    public void After_every_step_of_a_random_journey_the_stored_next_due_date_is_the_computed_one()
    {
        Gen.Select(Gen.Int, Gen.Int[4, 16]).Sample((seed, steps) =>
        {
            var random = new Random(seed);
            var matter = MatterBuilder.AMatter().Build();
            AssertNextDue(matter);
            for (var i = 0; i < steps; i++)
            {
                var options = Parties.Select(Scenarios.ActorFor)
                    .SelectMany(actor => Lifecycle.Allowed(matter, Org.Context(actor)).Select(action => (Actor: actor, Action: action)))
                    .ToList();
                if (options.Count == 0)
                {
                    break;
                }

                var (actor, action) = options[random.Next(options.Count)];
                var command = Scenarios.Command(action, matter, actor);
                // Steps a random number of days apart, so that clocks run out and extensions move real dates.
                var later = command.On is { } on ? on.AddDays(random.Next(0, 25)) : (DateOnly?)null;
                var decided = Decisions.Decide(matter, later is { } day && day <= Org.Today ? command with { On = day } : command, actor);
                if (decided.TryGet(out var change, out _) && !change.AlreadyDone)
                {
                    matter.Apply(change, Decisions.Numbers(change), actor.Name, Decisions.At);
                }

                AssertNextDue(matter);
            }
        }, iter: 300);
    }

    [Fact]
    public void An_extension_moves_the_stored_next_due_date_with_the_handling_deadline()
    {
        var matter = MatterBuilder.AMatter().Transferred().Accepted().Build();
        var before = matter.NextDueOn;

        Decisions.Do(matter, new Extend(30, "需要进一步核实", matter.LastStepOn), Org.UnitHead);

        Assert.True(matter.NextDueOn > before);
        AssertNextDue(matter);
    }

    private static void AssertNextDue(Matter matter)
    {
        var open = matter.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty).ToList();
        var earliest = open.Count == 0 ? Matter.NoDue : open.Min(d => d.DueOn);
        var first = open.Where(d => d.DueOn == earliest).OrderBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault();
        Assert.Equal(earliest, matter.NextDueOn);
        Assert.Equal(first?.Code, matter.NextDueCode);
        Assert.Equal(first?.Provisional ?? false, matter.NextDueProvisional);
    }
}
