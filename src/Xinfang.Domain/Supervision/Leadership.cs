namespace Xinfang.Domain.Supervision;

/// <summary>
/// One unit's supervision tally: matters with an open 督办函 (overdue), of which 挂牌督办 (listed), and matters
/// flagged with each of the seven problem types.
/// </summary>
public sealed record UnitTally(Guid UnitId, string UnitName, int Overdue, int Listed, IReadOnlyDictionary<ProblemType, int> Problems)
{
    /// <summary>Findings of all types together: a matter with two problems counts twice, as the page's columns add up.</summary>
    public int ProblemTotal => Problems.Values.Sum();
}

/// <summary>A unit's place in the director's ranking; units equal on what ranks them share a place (1, 1, 3).</summary>
public sealed record RankedUnit(int Rank, UnitTally Tally);

/// <summary>Where a leader's package (领导包案) stands, most pressing first.</summary>
public enum PackageState
{
    /// <summary>挂牌督办中: a clock of the matter is overdue by the level-2 threshold.</summary>
    Listed,
    /// <summary>已逾期: an open 督办函 on the matter.</summary>
    Overdue,
    /// <summary>存在督查问题: flagged with one of the seven problem types.</summary>
    Flagged,
    /// <summary>正常推进.</summary>
    OnTrack,
    /// <summary>已化解: the leader recorded the resolution.</summary>
    Resolved,
}

/// <summary>
/// The leaders' view of supervision (《信访工作条例》第三十九条、第四十条: 挂牌督办 is reported to the leader in charge and
/// the director): units ranked by overdue and problem counts, and each leader's packages by state.
/// </summary>
public static class Leadership
{
    /// <summary>
    /// Ranks units by overdue matters, then problem findings, then 挂牌督办 matters, most first; a unit with none of the
    /// three is left out (nothing to supervise). Ties keep the unit name's order and share a rank.
    /// </summary>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<UnitTally> tallies)
    {
        var ordered = tallies.Where(t => t.Overdue > 0 || t.Listed > 0 || t.ProblemTotal > 0)
            .OrderByDescending(t => t.Overdue).ThenByDescending(t => t.ProblemTotal).ThenByDescending(t => t.Listed)
            .ThenBy(t => t.UnitName, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var same = i > 0 && Key(ordered[i]) == Key(ordered[i - 1]);
            ranked.Add(new RankedUnit(same ? ranked[i - 1].Rank : i + 1, ordered[i]));
        }

        return ranked;
    }

    private static (int, int, int) Key(UnitTally t) => (t.Overdue, t.ProblemTotal, t.Listed);

    /// <summary>A package's state: resolved first (the leader is done), then the most pressing of what supervision found.</summary>
    public static PackageState StateOf(bool resolved, int letterLevel, int problems) =>
        resolved ? PackageState.Resolved
        : letterLevel >= 2 ? PackageState.Listed
        : letterLevel == 1 ? PackageState.Overdue
        : problems > 0 ? PackageState.Flagged
        : PackageState.OnTrack;

    public static string ToChinese(this PackageState state) => state switch
    {
        PackageState.Listed => "挂牌督办中",
        PackageState.Overdue => "已逾期督办",
        PackageState.Flagged => "存在督查问题",
        PackageState.OnTrack => "正常推进",
        PackageState.Resolved => "已化解",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
