using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Hosting;

/// <summary>
/// Administration from the command line, with the same configuration as the server:
/// <c>dotnet run --project src/Xinfang.Web -- audit verify</c>.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["audit", "generate", "sweep", "rotate-identifiers", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["audit", "verify", ..]:
                await DatabaseInitializer.InitializeAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
                    var broken = await AuditChain.VerifyAsync(db);
                    var count = db.AuditEntries.LongCount();
                    if (broken is null)
                    {
                        Console.WriteLine($"审计链完整：共 {count} 条记录，逐条校验通过。 (audit chain intact: {count} entries)");
                        return 0;
                    }

                    Console.WriteLine($"审计链断裂：第 {broken.Sequence} 条。{broken.Reason} (audit chain broken at entry {broken.Sequence})");
                    return 2;
                }

            case ["generate", .. var options]:
                return await GenerateAsync(app, options);

            case ["sweep", .. var options]:
                return await SweepAsync(app, options);

            case ["rotate-identifiers", ..]:
                // After a key was added at the end of Identifiers:EncryptionKeys (SECURITY.md, "Key rotation").
                await DatabaseInitializer.InitializeAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("identifier-rewrap");
                    var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
                    var rows = await Infrastructure.IdentifierRewrap.RunAsync(db, scope.ServiceProvider.GetRequiredService<Infrastructure.IdentifierHash>());
                    Console.WriteLine($"已用密钥 {db.Cipher!.CurrentKeyId} 重新加密 {rows} 行个人身份信息。 (re-encrypted {rows} rows under key {db.Cipher.CurrentKeyId})");
                    return 0;
                }

            default:
                Console.WriteLine("用法 / usage: dotnet run --project src/Xinfang.Web -- audit verify");
                Console.WriteLine("             dotnet run --project src/Xinfang.Web -- sweep [--as-of 2025-06-30]");
                Console.WriteLine("             dotnet run --project src/Xinfang.Web -- rotate-identifiers");
                Console.WriteLine("             dotnet run --project src/Xinfang.Web -- generate --matters 100000 [--seed 7] [--years 3]");
                return args is ["help", ..] ? 0 : 1;
        }
    }

    /// <summary>
    /// <c>sweep [--as-of yyyy-MM-dd]</c>: the supervision sweep for a day (today by default), as the daily job runs it;
    /// prints what it issued, the time it took and the process's peak memory (BENCHMARKS.md "Supervision sweep").
    /// </summary>
    private static async Task<int> SweepAsync(WebApplication app, string[] options)
    {
        var i = Array.IndexOf(options, "--as-of");
        var asOf = i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
        await DatabaseInitializer.InitializeAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("supervision-sweep");
        var sweep = scope.ServiceProvider.GetRequiredService<Features.Supervision.SupervisionSweep>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (!(await sweep.RunAsync(asOf)).TryGet(out var result, out var error))
        {
            Console.WriteLine(error.Detail);
            return 1;
        }

        Console.WriteLine($"督办 {result.AsOf:yyyy-MM-dd}：提醒函 {result.Reminders} 份，督办函 {result.Supervisions} 份（其中挂牌督办 {result.Listed} 份）。"
            + $" (swept in {started.Elapsed.TotalSeconds:N1} s, peak working set {Environment.WorkingSet / 1048576} MiB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB peak)");
        return 0;
    }

    /// <summary><c>generate --matters N [--seed S] [--years Y]</c>: realistic test data in bulk (<see cref="Features.Generator.DataGenerator"/>), with a progress bar.</summary>
    private static async Task<int> GenerateAsync(WebApplication app, string[] options)
    {
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(options, name);
            return i >= 0 && i + 1 < options.Length && int.TryParse(options[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }

        var matters = Option("--matters", 0);
        var years = Option("--years", 3);
        if (matters is < 1 or > 10_000_000 || years is < 1 or > 10)
        {
            Console.WriteLine("用法 / usage: generate --matters N（1 到 10000000）[--seed S] [--years Y（1 到 10）]");
            return 1;
        }

        await DatabaseInitializer.InitializeAsync(app.Services);
        var generator = ActivatorUtilities.CreateInstance<Features.Generator.DataGenerator>(app.Services);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ConsoleProgress(done =>
        {
            var bar = new string('#', (int)(30L * done / matters)).PadRight(30, '.');
            var rate = done / Math.Max(0.001, started.Elapsed.TotalSeconds);
            Console.Error.Write($"\r[{bar}] {done:N0} / {matters:N0} 件  {rate:N0} 件/秒 ");
        });
        var report = await generator.GenerateAsync(new Features.Generator.GeneratorOptions(matters, Option("--seed", 7), years, BatchSize: Option("--batch", 1000)), progress);
        Console.Error.WriteLine();
        Console.WriteLine($"已生成 {report.Matters:N0} 件信访事项，用时 {report.Elapsed.TotalSeconds:N1} 秒，其中写入数据库 {report.Writing.TotalSeconds:N1} 秒。"
            + $" (generated {report.Matters} matters in {report.Elapsed.TotalSeconds:N1} s, {report.Writing.TotalSeconds:N1} s of it writing)");
        foreach (var (status, count) in report.ByStatus.OrderBy(s => s.Key))
        {
            Console.WriteLine($"  {status}: {count:N0}");
        }

        foreach (var (code, count) in report.Refusals.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"  refused {code}: {count:N0}");
        }

        return 0;
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class ConsoleProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
