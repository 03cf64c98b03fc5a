using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Domain.Deadlines;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Calendar;

namespace Xinfang.Benchmarks;

/// <summary>
/// An administrator enters 2027 while 100,000 open deadlines run into it (REFERENCE.md §8: the notice comes each
/// November). Measured: <see cref="CalendarEditor.SaveAsync"/>, i.e. storing the year and
/// <see cref="DeadlineRecalculation"/> recomputing every deadline, writing the moved ones and their history events,
/// in one transaction on a SQLite file. Baseline: one plain UPDATE of the same rows' due dates. Each iteration starts
/// from a fresh copy of the same database (a file copy, outside the measurement).
/// </summary>
/// <remarks>
/// In process: BenchmarkDotNet's generated project would rebuild the web host (Razor included), which takes longer
/// than its build timeout on a 2-core machine, and in-process timing is fine for operations of a second.
/// </remarks>
[Config(typeof(Config))]
public class RecalculationBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(7));
    }

    private string _template = "";
    private string _path = "";
    private WebApplication _app = null!;

    /// <summary>An illustrative 2027 in the shape of the notices (the real one is published in November 2026).</summary>
    public static CalendarYear Year2027 { get; } = new(2027, "国务院办公厅关于2027年部分节假日安排的通知（基准测试用）",
    [
        .. Holidays("元旦", new(2027, 1, 1), 3),
        new CalendarDay(new(2027, 1, 31), DayKind.Workday, "春节调休上班"),
        .. Holidays("春节", new(2027, 2, 5), 8),
        new CalendarDay(new(2027, 2, 20), DayKind.Workday, "春节调休上班"),
        .. Holidays("清明节", new(2027, 4, 3), 3),
        new CalendarDay(new(2027, 4, 25), DayKind.Workday, "劳动节调休上班"),
        .. Holidays("劳动节", new(2027, 5, 1), 5),
        new CalendarDay(new(2027, 5, 8), DayKind.Workday, "劳动节调休上班"),
        .. Holidays("端午节", new(2027, 6, 9), 3),
        .. Holidays("中秋节", new(2027, 9, 15), 3),
        new CalendarDay(new(2027, 9, 26), DayKind.Workday, "国庆节调休上班"),
        .. Holidays("国庆节", new(2027, 10, 1), 7),
        new CalendarDay(new(2027, 10, 9), DayKind.Workday, "国庆节调休上班"),
    ]);

    public static CalendarSaved? LastReport { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _template = RecalculationDatabase.TemplateAsync().GetAwaiter().GetResult();
        _path = Path.Combine(Path.GetDirectoryName(_template)!, $"recalc-run-{Environment.ProcessId}.db");
        RecalculationDatabase.Restore(_template, _path);
        _app = RecalculationDatabase.App(_path);
    }

    [IterationSetup]
    public void Restore() => RecalculationDatabase.Restore(_template, _path);

    [Benchmark(Baseline = true, Description = "UPDATE of 100,000 due dates, one statement")]
    public async Task<int> Plain_update()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
        return await db.Database.ExecuteSqlRawAsync("UPDATE deadline SET due_on = date(due_on, '+1 day'), provisional = 0 WHERE state = 'Open'");
    }

    [Benchmark(Description = "Enter 2027: recompute 100,000 deadlines")]
    public async Task<CalendarSaved> Enter_2027()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<CalendarEditor>();
        var saved = await editor.SaveAsync(Year2027, expectedVersion: null);
        LastReport = saved.Value;
        return LastReport;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (LastReport is { } report)
        {
            Console.WriteLine($"// Recalculation: examined {report.Recomputed}, moved {report.Moved}, confirmed (provisional cleared, same date) {report.Confirmed}.");
        }

        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    public static async Task OnceAsync()
    {
        var benchmark = new RecalculationBenchmarks();
        benchmark.Setup();
        try
        {
            // The first run in a process also builds the EF model and compiles the queries.
            foreach (var run in new[] { "cold", "warm" })
            {
                benchmark.Restore();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await benchmark.Enter_2027();
                Console.WriteLine($"Entered 2027 ({run}) in {clock.Elapsed.TotalSeconds:F2} s.");
            }
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private static IEnumerable<CalendarDay> Holidays(string name, DateOnly first, int days) =>
        Enumerable.Range(0, days).Select(i => new CalendarDay(first.AddDays(i), DayKind.Holiday, name));
}
