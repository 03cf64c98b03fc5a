using System.Globalization;

namespace Xinfang.LoadTest;

/// <summary>
/// The phases of one run against one provider: raw inserts, registrations in a closed loop, raw inserts again (the
/// baseline is the mean of the two, which brackets any drift of a shared machine), then registrations in an open loop
/// at half the measured maximum. Progress goes to stderr, the Markdown row to stdout.
/// </summary>
public static class Benchmark
{
    public const string Header = """
        | Provider | Workers | Registrations/s | Raw inserts/s | Ratio | Closed loop p50 / p99 | Open loop at | p50 | p95 | p99 | Failed |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    public static async Task<string> RunAsync(LoadOptions o)
    {
        var log = Console.Error;
        await using var raw = RawInserts.For(o.Provider, o.ConnectionString);
        log.WriteLine($"{o.Provider}: {await raw.DescribeAsync()}");
        log.WriteLine($"  {o.Concurrency} workers, {Seconds(o.Duration)} s per phase, {Seconds(o.Warmup)} s warm-up; Idempotency-Key: {(o.IdempotencyKeys ? "yes" : "no")}");
        await raw.CreateTableAsync();

        var rawBefore = await MeasureAsync("raw inserts", o, raw.InsertOneAsync);

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var (registrar, bodies) = await XinfangApi.SetUpAsync(o.Url, o.AdminPassword, today);
        Task<bool> Register(Random random) => registrar.RegisterAsync(bodies.Next(random), o.IdempotencyKeys, CancellationToken.None);
        var closed = await MeasureAsync("registrations", o, Register);

        var rawAfter = await MeasureAsync("raw inserts", o, raw.InsertOneAsync);
        await raw.DropTableAsync();

        var rate = o.OpenLoopRate ?? Math.Round(closed.PerSecond / 2);
        var open = await Load.OpenLoopAsync(rate, o.Duration, Register);
        log.WriteLine($"  registrations, open loop at {rate}/s: {Describe(open)}");

        var rawRate = (rawBefore.PerSecond + rawAfter.PerSecond) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {o.Provider} | {o.Concurrency} | {closed.PerSecond:F0} | {rawRate:F0} | {closed.PerSecond / rawRate:P1} | "
            + $"{closed.Percentile(50):F1} / {closed.Percentile(99):F1} ms | {rate:F0}/s | {open.Percentile(50):F1} ms | {open.Percentile(95):F1} ms | "
            + $"{open.Percentile(99):F1} ms | {closed.Failed + open.Failed} |");
    }

    private static async Task<LoadResult> MeasureAsync(string what, LoadOptions o, Func<Random, Task<bool>> operation)
    {
        await Load.ClosedLoopAsync(o.Concurrency, o.Warmup, operation);
        var result = await Load.ClosedLoopAsync(o.Concurrency, o.Duration, operation);
        Console.Error.WriteLine($"  {what}, closed loop: {result.PerSecond:F0}/s; {Describe(result)}");
        return result;
    }

    private static string Describe(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Completed} done, {r.Failed} failed in {r.Elapsed.TotalSeconds:F1} s; p50 {r.Percentile(50):F1} ms, p95 {r.Percentile(95):F1} ms, p99 {r.Percentile(99):F1} ms, max {r.Percentile(100):F1} ms");

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
