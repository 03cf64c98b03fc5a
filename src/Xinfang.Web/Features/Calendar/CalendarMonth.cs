using System.Globalization;
using Xinfang.Domain.Deadlines;

namespace Xinfang.Web.Features.Calendar;

public enum CellKind
{
    Weekday,
    Weekend,
    Holiday,
    Workday,
}

/// <summary>One day in a month grid; <see cref="Name"/> is the holiday or 调休 entry of the notice, if any.</summary>
public sealed record CalendarCell(DateOnly Date, CellKind Kind, string? Name)
{
    public string Iso => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the cell shows under the day number: the holiday's name, or 调休上班.</summary>
    public string? Label => Kind switch
    {
        CellKind.Holiday => Name,
        CellKind.Workday => "调休上班",
        _ => null,
    };

    public string Title => Kind switch
    {
        CellKind.Holiday => $"{Iso} {Name}（放假）",
        CellKind.Workday => $"{Iso} {Name}（上班）",
        CellKind.Weekend => $"{Iso} 周末",
        _ => Iso,
    };
}

/// <summary>A run of consecutive days with the same entry, e.g. 10月1日–8日 国庆节、中秋节.</summary>
public sealed record CalendarRun(DateOnly From, DateOnly To, DayKind Kind, string Name)
{
    public string Dates => From == To
        ? From.ToString("M月d日", CultureInfo.InvariantCulture)
        : $"{From.ToString("M月d日", CultureInfo.InvariantCulture)}–{(To.Month == From.Month ? To.ToString("d日", CultureInfo.InvariantCulture) : To.ToString("M月d日", CultureInfo.InvariantCulture))}";
}

/// <summary>A month as the wall calendars of the bureau show it: weeks from Monday to Sunday.</summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyList<IReadOnlyList<CalendarCell?>> Weeks, IReadOnlyList<CalendarRun> Runs)
{
    public static readonly IReadOnlyList<string> Weekdays = ["一", "二", "三", "四", "五", "六", "日"];

    public string Title => $"{Month} 月";

    public static IReadOnlyList<CalendarMonth> ForYear(int year, IEnumerable<CalendarDay> days)
    {
        var special = days.ToDictionary(d => d.Date);
        return [.. Enumerable.Range(1, 12).Select(month => Build(year, month, special))];
    }

    private static CalendarMonth Build(int year, int month, Dictionary<DateOnly, CalendarDay> special)
    {
        var first = new DateOnly(year, month, 1);
        var weeks = new List<IReadOnlyList<CalendarCell?>>();
        var week = new CalendarCell?[7];
        // Monday = 0 … Sunday = 6.
        var column = ((int)first.DayOfWeek + 6) % 7;
        for (var date = first; date.Month == month; date = date.AddDays(1))
        {
            week[column] = Cell(date, special);
            if (++column == 7)
            {
                weeks.Add(week);
                week = new CalendarCell?[7];
                column = 0;
            }
        }

        if (column > 0)
        {
            weeks.Add(week);
        }

        return new CalendarMonth(year, month, weeks, RunsOf(special.Values.Where(d => d.Date.Year == year && d.Date.Month == month)));
    }

    private static CalendarCell Cell(DateOnly date, Dictionary<DateOnly, CalendarDay> special) => special.TryGetValue(date, out var day)
        ? new CalendarCell(date, day.Kind == DayKind.Holiday ? CellKind.Holiday : CellKind.Workday, day.Name)
        : new CalendarCell(date, date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? CellKind.Weekend : CellKind.Weekday, null);

    private static List<CalendarRun> RunsOf(IEnumerable<CalendarDay> days)
    {
        var runs = new List<CalendarRun>();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Kind == day.Kind && last.Name == day.Name && last.To.AddDays(1) == day.Date)
            {
                runs[^1] = last with { To = day.Date };
            }
            else
            {
                runs.Add(new CalendarRun(day.Date, day.Date, day.Kind, day.Name));
            }
        }

        return runs;
    }
}
