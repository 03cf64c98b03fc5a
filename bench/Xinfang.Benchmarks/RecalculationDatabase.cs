using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Domain.Deadlines;
using Xinfang.Web.Data;
using Xinfang.Web.Hosting;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Benchmarks;

/// <summary>
/// A SQLite file with the real schema (migrations applied by <see cref="DatabaseInitializer"/>, the seed included) and
/// <see cref="Deadlines"/> open deadlines, one per accepted matter, whose due dates all run into 2027 and are
/// therefore provisional until 2027 is entered. Built once and kept as a template under the temp directory.
/// </summary>
public static class RecalculationDatabase
{
    public const int Deadlines = 100_000;

    // Raise when the generated data changes, so that an old template is not reused.
    private const int DataVersion = 2;

    /// <summary>The four clocks that run over a new year, with start days that put every due date in 2027.</summary>
    private static readonly (string Code, int Days, PeriodKind Kind, DateOnly FirstStart, int Starts)[] Clocks =
    [
        ("handling", 60, PeriodKind.Calendar, new DateOnly(2026, 11, 2), 60),
        ("acceptance-notice", 15, PeriodKind.Calendar, new DateOnly(2026, 12, 17), 15),
        ("handling-simplified", 10, PeriodKind.Working, new DateOnly(2026, 12, 18), 14),
        ("review", 30, PeriodKind.Calendar, new DateOnly(2026, 12, 2), 30),
    ];

    /// <summary>The real services of Xinfang on one SQLite file (no HTTP pipeline: nothing here serves requests).</summary>
    public static WebApplication App(string path) =>
        App("Sqlite", new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    /// <summary>The same services on either provider (<c>Sqlite</c> or <c>Postgres</c>).</summary>
    public static WebApplication App(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Xinfang"] = connectionString;
        builder.Configuration["Bootstrap:AdminPassword"] = "Bench-Bureau-2026x";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddXinfangDatabase();
        builder.AddXinfangAccounts();
        builder.AddXinfangFeatures();
        return builder.Build();
    }

    public static async Task<string> TemplateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "xinfang-bench");
        Directory.CreateDirectory(directory);
        // The template is rebuilt when the schema changes: its name carries the latest SQLite migration.
        var migration = typeof(SqliteXinfangDb).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteXinfangDb))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).Where(id => id is not null).Max();
        var template = Path.Combine(directory, $"recalc-{Deadlines}-{migration}-{DataVersion}.db");
        if (File.Exists(template))
        {
            return template;
        }

        var building = template + ".building";
        Delete(building);
        await using (var app = App(building))
        {
            await DatabaseInitializer.InitializeAsync(app.Services);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
            await FillAsync(db);
        }

        SqliteConnection.ClearAllPools();
        Delete(template);
        File.Move(building, template);
        return template;
    }

    /// <summary>Copies the template over <paramref name="path"/>; pooled connections to the old file are closed first.</summary>
    public static void Restore(string template, string path)
    {
        SqliteConnection.ClearAllPools();
        Delete(path);
        File.Copy(template, path);
    }

    private static async Task FillAsync(XinfangDb db)
    {
        var unit = await db.Units.Where(u => u.Code == "610114").Select(u => u.Id).SingleAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var matter = Command(connection, transaction, """
            INSERT INTO matters (id, number, version, status, registering_unit_id, channel, received_on, purpose, title, content, demands,
                headcount, flags, query_code_hash, repeat_candidates, unit_id, unit_received_on, is_assigned, accepted_on, simplified,
                extension_days, last_step_on, registered_at, updated_at)
            VALUES ($id, $number, 1, 'Accepted', $unit, 'Letter', $received, 'Claim', '讨要拖欠工资', '工程结束后包工头拖欠工资两万元，多次讨要未果。',
                '["支付拖欠的工资两万元"]', 1, '["FirstTime"]', $hash, '[]', $unit, $received, 0, $received, 0, 0, $received, $at, $at)
            """, "$id", "$number", "$unit", "$received", "$hash", "$at");
        var deadline = Command(connection, transaction, """
            INSERT INTO deadline (id, matter_id, code, start_on, days, kind, roll_forward, rule_version, extra_days, extension_days, is_duty,
                due_on, provisional, state)
            VALUES ($id, $matter, $code, $start, $days, $kind, 1, 1, 0, 0, 1, $due, $provisional, 'Open')
            """, "$id", "$matter", "$code", "$start", "$days", "$kind", "$due", "$provisional");

        var calendar = WorkCalendar.Shipped; // 2023–2026, as the seed stored them
        var at = new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        // A clock is opened on its start day (the transfer, the acceptance), so rows lie in the table in start order.
        var clocks = Enumerable.Range(0, Deadlines).Select(i =>
        {
            var (code, days, kind, firstStart, starts) = Clocks[i % Clocks.Length];
            return (Code: code, Days: days, Kind: kind, Start: firstStart.AddDays(i / Clocks.Length % starts));
        }).OrderBy(c => c.Start).ToList();
        for (var i = 0; i < Deadlines; i++)
        {
            var (code, days, kind, start) = clocks[i];
            var due = Periods.Due(calendar, start, days, kind);
            var matterId = Guid.CreateVersion7();
            // EF Core's SQLite provider stores Guids as upper-case text and DateOnly as yyyy-MM-dd.
            Run(matter, Text(matterId), $"610114-2026-{i:D6}", Text(unit), Date(start), new string('0', 64), at);
            Run(deadline, Text(Guid.CreateVersion7()), Text(matterId), code, Date(start), days, kind.ToString(), Date(due.Due), due.Provisional ? 1 : 0);
        }

        await transaction.CommitAsync();
        await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
        await checkpoint.ExecuteNonQueryAsync();
        await connection.CloseAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
