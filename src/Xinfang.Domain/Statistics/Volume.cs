using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Statistics;

/// <summary>A count with its name and the key that drills down to the matters behind it (a channel, a category code, a unit id).</summary>
public sealed record Breakdown(string Key, string Name, int Count);

/// <summary>
/// One cell of the registrations of a period as the database groups them: matters (件) and their headcount (人次)
/// by channel, purpose, top-level category, location and unit, and how many of them are confirmed repeats.
/// </summary>
public sealed record VolumeCell(Channel Channel, Purpose Purpose, string? Category, Guid? LocationUnitId, Guid? UnitId, int Matters, int Persons, int Repeats);

/// <summary>The volume figures of <see cref="Definitions.Figures"/> for one period.</summary>
public sealed record Volume(
    int Matters, int Persons, int VisitBatches, int VisitPersons, int Repeats, int Online,
    IReadOnlyList<Breakdown> ByChannel, IReadOnlyList<Breakdown> ByPurpose, IReadOnlyList<Breakdown> ByCategory,
    IReadOnlyList<Breakdown> ByLocation, IReadOnlyList<Breakdown> ByUnit)
{
    public const string NoLocation = "（未填写）";
    public const string NotYetHeld = "（尚未转交办）";

    /// <summary>
    /// Adds the cells up. <paramref name="categoryName"/> and <paramref name="unitName"/> name the keys; a category is
    /// counted under its top level (the cell carries the top-level code).
    /// </summary>
    public static Volume Compose(IReadOnlyList<VolumeCell> cells, Func<string, string> categoryName, Func<Guid, string> unitName)
    {
        var visits = cells.Where(c => c.Channel == Channel.Visit).ToList();
        return new Volume(
            cells.Sum(c => c.Matters), cells.Sum(c => c.Persons), visits.Sum(c => c.Matters), visits.Sum(c => c.Persons),
            cells.Sum(c => c.Repeats), cells.Where(c => c.Channel == Channel.Online).Sum(c => c.Matters),
            Group(cells, c => Kebab(c.Channel.ToString()), c => c.Channel.ToChinese(), all: Enum.GetValues<Channel>().Select(v => (Kebab(v.ToString()), v.ToChinese()))),
            Group(cells, c => Kebab(c.Purpose.ToString()), c => c.Purpose.ToChinese(), all: Enum.GetValues<Purpose>().Select(v => (Kebab(v.ToString()), v.ToChinese()))),
            Group(cells, c => c.Category ?? "", c => c.Category is { } code ? categoryName(code) : "（未分类）"),
            Group(cells, c => c.LocationUnitId?.ToString() ?? "", c => c.LocationUnitId is { } id ? unitName(id) : NoLocation),
            Group(cells, c => c.UnitId?.ToString() ?? "", c => c.UnitId is { } id ? unitName(id) : NotYetHeld));
    }

    /// <summary>Largest first, then by name; <paramref name="all"/> lists every value even at 0 (channels, purposes).</summary>
    private static List<Breakdown> Group(IEnumerable<VolumeCell> cells, Func<VolumeCell, string> key, Func<VolumeCell, string> name,
                                         IEnumerable<(string Key, string Name)>? all = null)
    {
        var counts = cells.GroupBy(key).ToDictionary(g => g.Key, g => new Breakdown(g.Key, name(g.First()), g.Sum(c => c.Matters)));
        foreach (var (k, n) in all ?? [])
        {
            counts.TryAdd(k, new Breakdown(k, n, 0));
        }

        return counts.Values.Where(b => b.Count > 0 || all is not null)
            .OrderByDescending(b => b.Count).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The API's spelling of an enum member: <c>OverLevel</c> → <c>over-level</c>.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}
