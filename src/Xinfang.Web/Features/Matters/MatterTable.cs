using System.Text.RegularExpressions;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// What the shared list (<c>_MatterTable</c>) shows: one page of matters, a link for each page number, and whether to
/// show the routing suggestion (the registrar's queue) or the status and unit (the search).
/// </summary>
public sealed partial record MatterTable(Page<MatterSummary> Page, Func<int, string> PageUrl, IReadOnlyDictionary<Guid, string> UnitNames, bool Queue, string EmptyText,
                                         IReadOnlyDictionary<string, string>? CategoryNames = null)
{
    /// <summary>Due within this many working days counts as "due soon" and is highlighted.</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>The words searched for, marked in titles and snippets.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>The queue's one-click 转送 of each row that may be transferred now.</summary>
    public IReadOnlyDictionary<Guid, QuickTransfer> Transfers { get; init; } = new Dictionary<Guid, QuickTransfer>();

    public int PageCount => Math.Max(1, (Page.Total + Page.PageSize - 1) / Page.PageSize);

    public static string RowClass(MatterSummary m) => m.NextDue switch
    {
        { Overdue: true } => "xf-row-overdue",
        { WorkingDaysLeft: <= DueSoonWorkingDays } => "xf-row-due-soon",
        _ => "",
    };

    /// <summary>
    /// The "why" of a routing suggestion without its "建议交 …" tail, which the list already shows as the unit; the
    /// rule's note stays. The domain's sentence is shown whole if it has another shape. Suggestions stored before the
    /// domain named categories in words still carry the code; those are translated here.
    /// </summary>
    public string SuggestionWhy(string reason)
    {
        var match = SuggestionShape().Match(reason);
        var why = !match.Success ? reason : match.Groups[2].Success ? $"{match.Groups[1].Value}（{match.Groups[2].Value}）" : match.Groups[1].Value;
        return CategoryCode().Replace(why, m => CategoryNames?.TryGetValue(m.Groups[1].Value, out var name) == true ? $"内容分类属“{name}”" : m.Value);
    }

    [GeneratedRegex("^(.+?)，建议交[^（]+(?:（(.+)）)?。$")]
    private static partial Regex SuggestionShape();

    [GeneratedRegex("内容分类属 ([a-z0-9.-]+)")]
    private static partial Regex CategoryCode();

    public string UnitName(Guid? id) => id is { } v && UnitNames.TryGetValue(v, out var name) ? name : "";

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one.</summary>
    public IEnumerable<int?> PageNumbers()
    {
        int? previous = null;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page.PageNumber) <= 2)
            {
                if (previous is { } last && p - last > 1)
                {
                    yield return null;
                }

                yield return p;
                previous = p;
            }
        }
    }
}
