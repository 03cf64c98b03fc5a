namespace Xinfang.Domain.Deadlines;

/// <summary>
/// Which days are working days: Monday–Friday, minus the State Council's holidays, plus its make-up working days
/// (调休上班). Years the calendar does not hold fall back to weekends alone; <see cref="Covers"/> tells the caller,
/// who must then mark a result provisional rather than guess silently.
/// </summary>
/// <remarks>
/// Built once, read many times: the special days live in a dense array over the covered years, and a running sum
/// of "working minus plain weekdays" makes <see cref="CountWorkingDays"/> O(1) over any range.
/// </remarks>
public sealed class WorkCalendar
{
    private static readonly Lazy<WorkCalendar> ShippedCalendar = new(() => new WorkCalendar(ShippedCalendars.All));

    private readonly int _firstYear;
    private readonly bool[] _covered;
    private readonly int _firstDayNumber;
    private readonly CalendarDay?[] _special;
    // _adjustment[i]: working days minus plain weekdays over the first i days of the array.
    private readonly int[] _adjustment;
    private readonly int[] _years;

    /// <summary>Throws <see cref="ArgumentException"/> for a year that fails <see cref="CalendarValidation"/> or
    /// appears twice: callers validate user input first, so this is a bug.</summary>
    public WorkCalendar(IEnumerable<CalendarYear> years)
    {
        var list = years.ToList();
        foreach (var year in list)
        {
            var result = CalendarValidation.Validate(year);
            if (!result.IsSuccess)
            {
                throw new ArgumentException($"{year.Year}: {result.Error!.Detail}", nameof(years));
            }
        }

        _years = [.. list.Select(y => y.Year).Order()];
        if (_years.Distinct().Count() != _years.Length)
        {
            throw new ArgumentException("Each year may appear only once.", nameof(years));
        }

        Years = Array.AsReadOnly(_years);
        if (_years.Length == 0)
        {
            _covered = [];
            _special = [];
            _adjustment = [0];
            return;
        }

        _firstYear = _years[0];
        _covered = new bool[_years[^1] - _firstYear + 1];
        _firstDayNumber = new DateOnly(_firstYear, 1, 1).DayNumber;
        _special = new CalendarDay?[new DateOnly(_years[^1], 12, 31).DayNumber - _firstDayNumber + 1];
        foreach (var year in list)
        {
            _covered[year.Year - _firstYear] = true;
            foreach (var day in year.Days)
            {
                _special[day.Date.DayNumber - _firstDayNumber] = day;
            }
        }

        _adjustment = new int[_special.Length + 1];
        for (var i = 0; i < _special.Length; i++)
        {
            _adjustment[i + 1] = _adjustment[i] + Adjustment(_special[i]);
        }
    }

    public static WorkCalendar Empty { get; } = new([]);

    /// <summary>The calendars shipped with the product (<see cref="ShippedCalendars"/>).</summary>
    public static WorkCalendar Shipped => ShippedCalendar.Value;

    public IReadOnlyCollection<int> Years { get; }

    public bool Covers(int year)
    {
        var index = year - _firstYear;
        return (uint)index < (uint)_covered.Length && _covered[index];
    }

    public bool IsWorkingDay(DateOnly date)
    {
        var index = date.DayNumber - _firstDayNumber;
        if ((uint)index < (uint)_special.Length && _special[index] is { } special)
        {
            return special.Kind == DayKind.Workday;
        }

        return IsWeekday(date.DayNumber);
    }

    /// <summary>The holiday or make-up working day on this date, or null for a plain weekday or weekend.</summary>
    public CalendarDay? Special(DateOnly date)
    {
        var index = date.DayNumber - _firstDayNumber;
        return (uint)index < (uint)_special.Length ? _special[index] : null;
    }

    /// <summary>Working days in (<paramref name="afterExclusive"/>, <paramref name="toInclusive"/>]; 0 for an empty
    /// or reversed range.</summary>
    public int CountWorkingDays(DateOnly afterExclusive, DateOnly toInclusive) =>
        toInclusive <= afterExclusive ? 0 : WorkingDaysThrough(toInclusive.DayNumber) - WorkingDaysThrough(afterExclusive.DayNumber);

    // DayNumber 0 (0001-01-01) is a Monday.
    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    // Plain weekdays in DayNumbers [0, dayNumber].
    private static int WeekdaysThrough(int dayNumber)
    {
        var days = dayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    private int WorkingDaysThrough(int dayNumber)
    {
        var index = Math.Clamp(dayNumber - _firstDayNumber + 1, 0, _special.Length);
        return WeekdaysThrough(dayNumber) + _adjustment[index];
    }

    private static int Adjustment(CalendarDay? day) => day switch
    {
        null => 0,
        { Kind: DayKind.Holiday } => IsWeekday(day.Date.DayNumber) ? -1 : 0,
        { Kind: DayKind.Workday } => IsWeekday(day.Date.DayNumber) ? 0 : 1,
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };
}
