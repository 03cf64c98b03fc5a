using Xinfang.Domain.Supervision;

namespace Xinfang.Domain.Tests.Supervision;

public sealed class LeadershipTests
{
    private static UnitTally Tally(string name, int overdue, int listed, params (ProblemType Type, int Count)[] problems) =>
        new(Guid.NewGuid(), name, overdue, listed, problems.ToDictionary(p => p.Type, p => p.Count));

    [Fact]
    public void Units_rank_by_overdue_then_problems_then_listed_and_equal_units_share_a_place()
    {
        var ranked = Leadership.Rank([
            Tally("甲局", 1, 0, (ProblemType.Irregular, 5)),
            Tally("乙局", 3, 1),
            Tally("丙局", 1, 0, (ProblemType.NotAccepted, 2), (ProblemType.Overdue, 3)),
            Tally("丁局", 0, 0),                                // nothing to supervise: left out
            Tally("戊局", 0, 0, (ProblemType.SubstanceUnresolved, 1)),
            Tally("己局", 0, 0, (ProblemType.NotHandled, 1)),
        ]);

        Assert.Equal(["乙局", "丙局", "甲局", "己局", "戊局"], ranked.Select(r => r.Tally.UnitName));
        Assert.Equal([1, 2, 2, 4, 4], ranked.Select(r => r.Rank)); // 丙 and 甲: 1 overdue, 5 findings each
        Assert.Equal(5, ranked[1].Tally.ProblemTotal);
    }

    [Fact]
    public void A_listed_unit_outranks_an_equal_unit_without_listing()
    {
        var ranked = Leadership.Rank([Tally("甲局", 2, 0), Tally("乙局", 2, 2)]);
        Assert.Equal([("乙局", 1), ("甲局", 2)], ranked.Select(r => (r.Tally.UnitName, r.Rank)));
    }

    [Theory]
    [InlineData(true, 2, 3, PackageState.Resolved)]
    [InlineData(false, 2, 0, PackageState.Listed)]
    [InlineData(false, 1, 3, PackageState.Overdue)]
    [InlineData(false, 0, 1, PackageState.Flagged)]
    [InlineData(false, 0, 0, PackageState.OnTrack)]
    public void A_package_shows_its_most_pressing_state(bool resolved, int level, int problems, PackageState expected)
    {
        Assert.Equal(expected, Leadership.StateOf(resolved, level, problems));
        Assert.NotEmpty(expected.ToChinese());
    }
}
