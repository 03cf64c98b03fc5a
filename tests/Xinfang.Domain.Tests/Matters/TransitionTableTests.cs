using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Every row of <see cref="Lifecycle.Table"/>: allowed from each state it names, for each party it names, and nowhere else.</summary>
public sealed class TransitionTableTests
{
    /// <summary>Each (action, state, party) of the table that can occur: the party exists on such a matter and, for a delivery, issued something to deliver.</summary>
    public static TheoryData<MatterAction, MatterStatus, Party> AllowedCases()
    {
        var data = new TheoryData<MatterAction, MatterStatus, Party>();
        foreach (var row in Lifecycle.Table)
        {
            foreach (var state in row.From.Order())
            {
                var matter = Scenarios.In(state, row.Action);
                foreach (var party in Scenarios.Each(row.Who))
                {
                    var actor = Scenarios.ActorFor(party);
                    var exists = actor.PartiesFor(matter).HasFlag(party)
                        && (row.Action != MatterAction.Deliver || Scenarios.NoticeFor(matter, actor) is not null)
                        && (row.Action != MatterAction.Reissue || Lifecycle.Correctable(matter, Org.Context(actor)).Any());
                    if (exists)
                    {
                        data.Add(row.Action, state, party);
                    }
                }
            }
        }

        return data;
    }

    public static TheoryData<MatterAction, MatterStatus> ForbiddenStates()
    {
        var data = new TheoryData<MatterAction, MatterStatus>();
        foreach (var action in Lifecycle.Table.Select(t => t.Action).Distinct())
        {
            var from = Lifecycle.Table.Where(t => t.Action == action).SelectMany(t => t.From).ToHashSet();
            foreach (var state in Enum.GetValues<MatterStatus>().Where(s => !from.Contains(s)))
            {
                data.Add(action, state);
            }
        }

        return data;
    }

    public static TheoryData<MatterAction, MatterStatus, string> WrongParties()
    {
        var data = new TheoryData<MatterAction, MatterStatus, string>();
        foreach (var row in Lifecycle.Table)
        {
            foreach (var state in row.From.Order())
            {
                var matter = Scenarios.In(state, row.Action);
                foreach (var (name, actor) in Org.Actors.Where(a => (a.Value.PartiesFor(matter) & row.Who) == 0))
                {
                    data.Add(row.Action, state, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedCases))]
    public void The_party_the_table_names_can_take_the_action_and_the_matter_ends_in_the_target_state(MatterAction action, MatterStatus state, Party party)
    {
        var matter = Scenarios.In(state, action);
        var actor = Scenarios.ActorFor(party);
        var row = Lifecycle.Table.Single(t => t.Action == action && t.From.Contains(state));
        var version = matter.Version;

        var change = Decisions.Do(matter, Scenarios.Command(action, matter, actor), actor);

        // A handler's conclusion is a draft: the matter stays accepted until the unit head approves it.
        var expected = action == MatterAction.Conclude && party == Party.UnitHandler ? MatterStatus.Accepted : row.Target(state);
        Assert.Equal(expected, change.To);
        Assert.Equal(expected, matter.Status);
        Assert.Equal(version + 1, matter.Version);
        var last = matter.Events[^1];
        Assert.Equal((action, state, expected), (last.Action, last.From!.Value, last.To));
    }

    [Fact]
    public void Every_action_and_state_of_the_table_is_exercised_by_at_least_one_party()
    {
        var exercised = AllowedCases().Select(c => (c.Data.Item1, c.Data.Item2)).ToHashSet();
        var table = Lifecycle.Table.SelectMany(t => t.From.Select(s => (t.Action, s))).ToHashSet();

        Assert.Empty(table.Except(exercised));
    }

    [Theory]
    [MemberData(nameof(ForbiddenStates))]
    public void An_action_outside_its_states_is_refused_with_the_allowed_actions(MatterAction action, MatterStatus state)
    {
        var matter = Scenarios.In(state, action);
        var actor = Scenarios.ActorFor(Scenarios.Each(Lifecycle.Table.First(t => t.Action == action).Who).First());
        var version = matter.Version;

        var error = Decisions.Refused(matter, Scenarios.Command(action, matter, actor), actor);

        Assert.Equal("matter.action-not-allowed", error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(state, error.Extensions!["matterStatus"]);
        Assert.Equal(Lifecycle.Allowed(matter, Org.Context(actor)), (IEnumerable<MatterAction>)error.Extensions["allowedActions"]!);
        Assert.Equal(version, matter.Version);
    }

    [Theory]
    [MemberData(nameof(WrongParties))]
    public void A_party_the_table_does_not_name_is_forbidden(MatterAction action, MatterStatus state, string actorName)
    {
        var matter = Scenarios.In(state, action);
        var actor = Org.Actors[actorName];

        var error = Decisions.Refused(matter, Scenarios.Command(action, matter, actor), actor);

        Assert.Equal("matter.forbidden", error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Every_lifecycle_action_has_a_row_and_no_row_starts_from_nowhere()
    {
        var actions = Enum.GetValues<MatterAction>().Except([MatterAction.Register, MatterAction.Recalculate]);

        Assert.Equal(actions.Order(), Lifecycle.Table.Select(t => t.Action).Distinct().Order());
        Assert.All(Lifecycle.Table, t => Assert.NotEmpty(t.From));
        Assert.All(Lifecycle.Table, t => Assert.NotEqual(Party.None, t.Who));
    }
}
