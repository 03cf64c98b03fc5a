using System.Diagnostics;

namespace Xinfang.LoadTest;

/// <summary>Operations per second and the latency of each completed operation, in milliseconds.</summary>
public sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile, 0 &lt; p ≤ 100.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

public static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers, each starting its next operation as soon as the previous one
    /// ends, until <paramref name="duration"/> has passed. Gives the maximum rate at that concurrency.
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(int concurrency, TimeSpan duration, Func<Random, Task<bool>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var random = new Random(Environment.TickCount ^ (i * 7919));
            var latencies = new List<double>(4096);
            var failed = 0;
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                var began = Stopwatch.GetTimestamp();
                if (await operation(random))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
                else
                {
                    failed++;
                }
            }

            return (latencies, failed);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = results.SelectMany(r => r.latencies).ToArray();
        return new LoadResult(all.Length, results.Sum(r => r.failed), elapsed, all);
    }

    /// <summary>
    /// Open loop: operations start at a fixed rate whether or not earlier ones have finished, as independent clerks
    /// would. Latency counts from the scheduled start, so time spent queueing (in the dispatcher, the client, the
    /// server or the database) shows in it instead of silently lowering the rate (no coordinated omission).
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(double perSecond, TimeSpan duration, Func<Random, Task<bool>> operation)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var ok = new bool[total];
        var tasks = new Task[total];
        var random = new Random(Environment.TickCount);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / perSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            var seed = random.Next();
            tasks[i] = Task.Run(async () =>
            {
                ok[index] = await operation(new Random(seed));
                latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            });
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var completed = Enumerable.Range(0, total).Where(i => ok[i]).Select(i => latencies[i]).ToArray();
        return new LoadResult(completed.Length, total - completed.Length, elapsed, completed);
    }
}
