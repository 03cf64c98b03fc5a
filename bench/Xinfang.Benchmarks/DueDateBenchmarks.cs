using BenchmarkDotNet.Attributes;
using Xinfang.Domain.Deadlines;

namespace Xinfang.Benchmarks;

/// <summary>
/// Due-date computation as the daily sweep and the matter pages use it. The 60-day case is the worked example
/// 2024-12-01 → 2025-02-05: its nominal end falls on 春节 and rolls forward over seven days, the longest roll in
/// the shipped calendars, so it is close to the worst case for a calendar-day period.
/// </summary>
[MemoryDiagnoser]
public class DueDateBenchmarks
{
    private static readonly DateOnly HandlingStart = new(2024, 12, 1);
    private static readonly DateOnly SimplifiedStart = new(2025, 9, 26);

    private WorkCalendar _calendar = null!;
    private Dictionary<DateOnly, CalendarDay> _specials = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = WorkCalendar.Shipped;
        _specials = ShippedCalendars.All.SelectMany(y => y.Days).ToDictionary(d => d.Date);
    }

    /// <summary>The least a lookup-based calendar could do: add the days and look the end up once.</summary>
    [Benchmark(Baseline = true)]
    public DateOnly AddDaysAndOneLookup()
    {
        var end = HandlingStart.AddDays(60);
        return _specials.TryGetValue(end, out var day) ? day.Date : end;
    }

    [Benchmark]
    public DueDate Due_60_calendar_days() => Periods.Due(_calendar, HandlingStart, 60, PeriodKind.Calendar);

    [Benchmark]
    public DueDate Due_60_calendar_days_explained() => Periods.Due(_calendar, HandlingStart, 60, PeriodKind.Calendar, explain: true);

    [Benchmark]
    public DueDate Due_10_working_days() => Periods.Due(_calendar, SimplifiedStart, 10, PeriodKind.Working);

    [Benchmark]
    public DueDate Due_10_working_days_explained() => Periods.Due(_calendar, SimplifiedStart, 10, PeriodKind.Working, explain: true);
}
