using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Npgsql;
using Xinfang.Domain.Prevention;
using Xinfang.Web.Data;
using Xinfang.Web.Hosting;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Prevention;

namespace Xinfang.Benchmarks;

/// <summary>
/// `prevention [sqlite|postgres]`: the two targets of issue 16 on a database with the real schema, each against a baseline measured
/// in the same run. (1) Importing a 10,000-row ledger file through <see cref="LedgerExcel"/> (parse, check every row,
/// store in one audited transaction) against MiniExcel merely reading the same file. (2) The analysis of a year with
/// 50,000 ledger items through <see cref="LedgerAnalysisQuery"/> against one indexed COUNT over the same year.
/// Timed by hand (Stopwatch, p50/p95 of repeated runs): each run is tens of milliseconds to seconds of I/O, where
/// BenchmarkDotNet's many iterations would add nothing but minutes on a shared 2-core machine.
/// </summary>
public static class PreventionBenchmark
{
    public const int ImportRows = 10_000;
    public const int YearItems = 50_000;
    public const int AnalysisRuns = 60;

    /// <param name="provider"><c>sqlite</c> (a file under the temp directory) or <c>postgres</c> (a fresh database on the
    /// server named by XINFANG_BENCH_POSTGRES, a connection string as scripts/postgres.sh prints it).</param>
    public static async Task RunAsync(string provider = "sqlite")
    {
        var postgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        var keep = Environment.GetEnvironmentVariable("XINFANG_BENCH_KEEP") == "1";
        string connectionString;
        var path = Path.Combine(Path.GetTempPath(), "xinfang-bench", $"prevention-{Environment.ProcessId}.db");
        if (postgres)
        {
            var server = Environment.GetEnvironmentVariable("XINFANG_BENCH_POSTGRES")
                         ?? throw new InvalidOperationException("Set XINFANG_BENCH_POSTGRES to a server's connection string (scripts/postgres.sh start <dir>).");
            connectionString = await FreshPostgresDatabaseAsync(server, "xinfang_bench_prevention");
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        }

        await using var app = RecalculationDatabase.App(postgres ? "Postgres" : "Sqlite", connectionString);
        await DatabaseInitializer.InitializeAsync(app.Services);
        var time = TimeProvider.System;
        Console.WriteLine($"provider: {provider}; machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

        if (Environment.GetEnvironmentVariable("XINFANG_BENCH_ANALYSIS_ONLY") != "1")
        {
            await ImportAsync(app, time);
        }

        await FillYearAsync(app.Services, postgres);
        var (from, to) = (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var baseline = new List<double>();
        var analysis = new List<double>();
        for (var run = 0; run < AnalysisRuns + 5; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (db, staff, reference) = Services(scope);
            var watch = Stopwatch.StartNew();
            await db.Set<LedgerItem>().CountAsync(i => i.ReportedOn >= from && i.ReportedOn <= to);
            var countMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var view = await new LedgerAnalysisQuery(db, staff, reference).RunAsync(from, to);
            var analysisMs = watch.Elapsed.TotalMilliseconds;
            if (run >= 5)
            {
                baseline.Add(countMs);
                analysis.Add(analysisMs);
            }

            if (run == 0) Console.WriteLine($"analysis of 2025: total {view.Total}, resolved {view.Resolved}, open {view.Open}, topics {view.ByTopic.Count}, longest open {view.LongestOpen.Count}");
        }

        Console.WriteLine($"analysis ({AnalysisRuns} runs after 5 warm-up): COUNT baseline p50 {P(baseline, 50):F1} ms p95 {P(baseline, 95):F1} ms; " +
                          $"analysis p50 {P(analysis, 50):F1} ms p95 {P(analysis, 95):F1} ms (p95 ratio {P(analysis, 95) / P(baseline, 95):F1})");
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        if (keep)
        {
            Console.WriteLine($"kept: {connectionString}");
            return;
        }

        if (!postgres)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task<string> FreshPostgresDatabaseAsync(string server, string name)
    {
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name};";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static async Task ImportAsync(Microsoft.AspNetCore.Builder.WebApplication app, TimeProvider time)
    {
        var file = Sheet();
        Console.WriteLine($"import file: {ImportRows} rows, {file.Length / 1024} KiB");
        var readBaseline = Time(() =>
        {
            using var stream = new MemoryStream(file);
            return stream.Query(useHeaderRow: true).Count();
        });
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var import = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (db, staff, reference) = Services(scope);
            var ledger = new Ledger(db, staff, time, reference);
            var excel = new LedgerExcel(db, staff, ledger, reference, NullLogger<LedgerExcel>.Instance);
            using var stream = new MemoryStream(file);
            var result = await excel.ImportAsync(stream);
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error!.Detail);
        }

        import.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Process.GetCurrentProcess().Refresh();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"import: MiniExcel read only {readBaseline.TotalMilliseconds:F0} ms; LedgerExcel.ImportAsync {import.ElapsedMilliseconds} ms " +
                          $"(ratio {import.Elapsed / readBaseline:F1}); allocated {allocated / 1024 / 1024} MiB; peak working set {peakBefore / 1024 / 1024} → {peak / 1024 / 1024} MiB");

    }

    private static (XinfangDb Db, Staff Staff, ReferenceData Reference) Services(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
        var unit = db.Units.Where(u => u.Code == "610114").Select(u => u.Id).Single();
        var staff = new Staff(Guid.NewGuid(), "bench", "基准", unit, new HashSet<string> { Roles.Registrar });
        return (db, staff, scope.ServiceProvider.GetRequiredService<ReferenceData>());
    }

    private static byte[] Sheet()
    {
        var rows = Enumerable.Range(1, ImportRows).Select(i => new Dictionary<string, object?>
        {
            [LedgerColumns.ReportedOn] = new DateOnly(2026, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [LedgerColumns.Topic] = LedgerTopics.Seed[i % LedgerTopics.Seed.Count].Name,
            [LedgerColumns.Title] = $"排查事项 {i}",
            [LedgerColumns.Description] = "小区供暖温度不达标，住户多次反映，需协调热力公司检修管网。",
            [LedgerColumns.Location] = "凤凰路街道办事处",
            [LedgerColumns.People] = "小区住户",
            [LedgerColumns.Headcount] = 1 + i % 50,
            [LedgerColumns.Amount] = i % 3 == 0 ? 10_000 + i : null,
            [LedgerColumns.ContactPhone] = "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
            [LedgerColumns.Risk] = ((RiskLevel)(i % 4)).ToChinese(),
            [LedgerColumns.Source] = ((LedgerSource)(i % 5)).ToChinese(),
            [LedgerColumns.ResponsibleUnit] = "凤凰路街道办事处",
            [LedgerColumns.ResponsiblePerson] = "张科长",
            [LedgerColumns.Measures] = "协调热力公司检修管网。",
            [LedgerColumns.DueOn] = "2026-12-31",
            [LedgerColumns.Status] = i % 3 == 0 ? "已化解" : "化解中",
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    /// <summary>50,000 items over 2025, plus 25,000 over 2024 for the comparisons, inserted raw in one transaction.</summary>
    private static async Task FillYearAsync(IServiceProvider services, bool postgres)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
        var topics = await db.Set<LedgerTopic>().Select(t => t.Id).ToListAsync();
        var units = await db.Units.Where(u => u.Kind == Xinfang.Domain.Organisation.UnitKind.Street || u.Kind == Xinfang.Domain.Organisation.UnitKind.Town
                                              || u.Kind == Xinfang.Domain.Organisation.UnitKind.Department).Select(u => u.Id).ToListAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // SQLite holds what EF writes there: upper-case GUID text, ISO dates; PostgreSQL takes the values as they are.
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        object Day(DateOnly? day) => day is null ? DBNull.Value : postgres ? day.Value : day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object created = postgres ? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) : "2025-01-01 00:00:00";
        command.CommandText = """
            INSERT INTO ledger_items (id, topic_id, title, description, location_unit_id, people, headcount, risk, source, responsible_unit_id,
                responsible_person, measures, reported_on, status, closed_on, reporting_unit_id, created_by, created_at, updates, version)
            VALUES (@id, @topic, '排查事项', '基本情况', @unit, '', 3, @risk, 'Screening', @unit, '张科长', '', @on, @status, @closed, @unit, 'bench', @created, '[]', 0)
            """;
        var p = new[] { "id", "topic", "unit", "risk", "on", "status", "closed", "created" }.ToDictionary(n => n, n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + n;
            command.Parameters.Add(parameter);
            return parameter;
        });
        p["created"].Value = created;
        var random = new Random(16);
        var total = YearItems + YearItems / 2;
        for (var i = 0; i < total; i++)
        {
            var on = i < YearItems ? new DateOnly(2025, 1, 1).AddDays(random.Next(365)) : new DateOnly(2024, 1, 1).AddDays(random.Next(366));
            var resolved = random.Next(3) > 0;
            p["id"].Value = Id(Guid.CreateVersion7());
            p["topic"].Value = Id(topics[random.Next(topics.Count)]);
            p["unit"].Value = Id(units[random.Next(units.Count)]);
            p["risk"].Value = ((RiskLevel)random.Next(4)).ToString();
            p["on"].Value = Day(on);
            p["status"].Value = resolved ? "Resolved" : "Resolving";
            p["closed"].Value = Day(resolved ? on.AddDays(random.Next(60)) : null);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static TimeSpan Time(Func<int> work)
    {
        work(); // warm
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
