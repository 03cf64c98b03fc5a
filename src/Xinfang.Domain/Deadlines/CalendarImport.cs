using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Xinfang.Domain.Deadlines;

/// <summary>One problem of an import, on a line of the pasted text (0 for the year as a whole).</summary>
public sealed record ImportProblem(int Line, string Message);

/// <summary>The days read from pasted text, and every problem found in it: the preview shows all of them at once.</summary>
public sealed record ImportResult(IReadOnlyList<CalendarDay> Days, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads a year of the calendar from the lines an administrator copies out of the State Council's notice:
/// <c>2027-01-01 休 元旦</c>, <c>2027-02-06 班 春节调休上班</c>, or a range <c>2027-02-05 至 2027-02-12 休 春节</c>.
/// The kind may be 休/假/放假/holiday or 班/上班/workday. Blank lines and lines starting with # are skipped.
/// The result is checked with <see cref="CalendarValidation"/>, line by line, so the messages are the API's.
/// </summary>
public static partial class CalendarImport
{
    public const int MaxLines = 400;

    public static ImportResult Parse(int year, string source, string? text)
    {
        var days = new List<CalendarDay>();
        var lineOf = new List<int>();
        var problems = new List<ImportProblem>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > MaxLines)
        {
            return new ImportResult([], [new ImportProblem(0, $"最多 {MaxLines} 行，收到 {lines.Length} 行。")]);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = Normalize(lines[i]);
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                problems.Add(new ImportProblem(i + 1, $"无法识别“{Clip(line)}”：每行应为“日期 休/班 名称”，如“{year}-01-01 休 元旦”。"));
                continue;
            }

            if (!TryDate(match.Groups["from"].Value, out var from) || !TryDate(match.Groups["to"].Success ? match.Groups["to"].Value : match.Groups["from"].Value, out var to))
            {
                var bad = TryDate(match.Groups["from"].Value, out _) ? match.Groups["to"].Value : match.Groups["from"].Value;
                problems.Add(new ImportProblem(i + 1, $"日期“{bad}”无效，请写作 YYYY-MM-DD，如 {year}-10-01。"));
                continue;
            }

            if (to < from || to.DayNumber - from.DayNumber > 31)
            {
                problems.Add(new ImportProblem(i + 1, $"日期范围 {Date(from)} 至 {Date(to)} 无效：结束日不能早于开始日，且一段不超过 31 天。"));
                continue;
            }

            if (Kind(match.Groups["kind"].Value) is not { } kind)
            {
                problems.Add(new ImportProblem(i + 1, $"类别“{match.Groups["kind"].Value}”无法识别：放假写“休”（或 holiday），调休上班写“班”（或 workday）。"));
                continue;
            }

            for (var date = from; date <= to; date = date.AddDays(1))
            {
                days.Add(new CalendarDay(date, kind, match.Groups["name"].Value.Trim()));
                lineOf.Add(i + 1);
            }
        }

        problems.AddRange(Check(year, source, days, lineOf));
        return new ImportResult(problems.Count == 0 ? [.. days.OrderBy(d => d.Date)] : days, [.. problems.OrderBy(p => p.Line)]);
    }

    /// <summary>The lines that <see cref="Parse"/> reads back into the same year: one line per day, in date order.</summary>
    public static string Format(IEnumerable<CalendarDay> days)
    {
        var text = new StringBuilder();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            text.Append(Date(day.Date)).Append(day.Kind == DayKind.Holiday ? " 休 " : " 班 ").Append(day.Name).Append('\n');
        }

        return text.ToString();
    }

    // The domain's own checks, one day at a time so that every bad line is reported, then the duplicates.
    private static IEnumerable<ImportProblem> Check(int year, string source, List<CalendarDay> days, List<int> lineOf)
    {
        var whole = CalendarValidation.Validate(new CalendarYear(year, source, []));
        if (!whole.IsSuccess)
        {
            yield return new ImportProblem(0, whole.Error!.Detail);
            yield break;
        }

        var first = new Dictionary<DateOnly, int>();
        for (var i = 0; i < days.Count; i++)
        {
            var single = CalendarValidation.Validate(new CalendarYear(year, source, [days[i]]));
            if (!single.IsSuccess)
            {
                yield return new ImportProblem(lineOf[i], single.Error!.Detail);
            }
            else if (first.TryGetValue(days[i].Date, out var earlier))
            {
                var detail = CalendarValidation.Validate(new CalendarYear(year, source, [days[earlier], days[i]])).Error!.Detail;
                yield return new ImportProblem(lineOf[i], string.Create(CultureInfo.InvariantCulture, $"{detail}（另见第 {lineOf[earlier]} 行）"));
            }
            else
            {
                first[days[i].Date] = i;
            }
        }
    }

    private static DayKind? Kind(string kind) => kind.ToLowerInvariant() switch
    {
        "休" or "假" or "放假" or "休息" or "holiday" => DayKind.Holiday,
        "班" or "上班" or "调休上班" or "workday" => DayKind.Workday,
        _ => null,
    };

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Full-width spaces, commas and tabs, as text copied from a notice or a spreadsheet comes.
    private static string Normalize(string line) =>
        WhitespacePattern().Replace(line.Replace('\u3000', ' ').Replace('，', ' ').Replace(',', ' ').Replace('\t', ' '), " ").Trim();

    private static string Clip(string line) => line.Length <= 40 ? line : line[..40] + "…";

    [GeneratedRegex(@"^(?<from>\S+?)(\s*(~|～|至|到|--)\s*(?<to>\S+))?\s+(?<kind>\S+)(\s+(?<name>.+))?$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
