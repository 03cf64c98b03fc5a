using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>
/// The hash-chained audit trail. Tests that break the chain start their own app: on the shared one they would break
/// it for everybody.
/// </summary>
public sealed class AuditTrailTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Creating_a_unit_and_a_user_leaves_an_intact_chain_that_says_who_changed_what(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var code = NewCode();

        var unit = await CreateUnitAsync(app, admin, code, "阎良区审计测试局");
        var renamed = await admin.PutAsJsonAsync($"/api/v1/units/{unit}", new
        {
            code,
            name = "阎良区审计测试中心",
            kind = "department",
            parentId = await app.UnitIdAsync("610114000"),
            reviewBodyId = await app.UnitIdAsync("610114000"),
        }, Ct);
        await Http.EnsureAsync(renamed);
        var user = await CreateUserAsync(app, admin, "audit-" + code);

        var rows = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == unit.ToString() || a.EntityId == user.ToString()).OrderBy(a => a.Sequence).ToListAsync(Ct));
        var created = Assert.Single(rows, r => r is { EntityType: "Unit", Action: "insert" });
        Assert.Equal("admin", created.Actor);
        Assert.Null(created.Before);
        Assert.Contains($"\"Code\":\"{code}\"", created.After);
        Assert.Contains("\"Name\":\"阎良区审计测试局\"", created.After);
        var changed = Assert.Single(rows, r => r is { EntityType: "Unit", Action: "update" });
        Assert.Equal("admin", changed.Actor);
        // The abbreviation (文号 prefix) follows the name when none is given.
        Assert.Equal("""{"Abbreviation":"阎良区审计测试局","Name":"阎良区审计测试局","Version":0}""", changed.Before);
        Assert.Equal("""{"Abbreviation":"阎良区审计测试中心","Name":"阎良区审计测试中心","Version":1}""", changed.After);
        var account = Assert.Single(rows, r => r is { EntityType: "StaffUser", Action: "insert" });
        Assert.Equal("admin", account.Actor);
        Assert.Contains($"\"UserName\":\"audit-{code}\"", account.After);
        Assert.Equal(DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc), account.At);
        Assert.Null(await app.WithDbAsync(d => AuditChain.VerifyAsync(d, Ct)));
    }

    [Theory, DatabaseData]
    public async Task A_password_hash_never_reaches_the_audit_trail(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var userName = "hash-" + NewCode();
        var user = await CreateUserAsync(app, admin, userName);
        var changed = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/password",
            new { userName, currentPassword = "Initial-Pass-1", newPassword = "Second-Pass-22" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var (hash, stamp, rows) = await app.WithDbAsync(async d =>
        {
            var account = await d.Users.AsNoTracking().SingleAsync(u => u.Id == user, Ct);
            var audit = await d.AuditEntries.AsNoTracking().Where(a => a.EntityId == user.ToString()).ToListAsync(Ct);
            return (account.PasswordHash!, account.SecurityStamp!, audit);
        });

        var withPassword = rows.Where(r => (r.After ?? "").Contains("PasswordHash", StringComparison.Ordinal)).ToList();
        Assert.True(withPassword.Count >= 2, "Both the creation and the change of the password are recorded.");
        Assert.All(withPassword, r => Assert.Contains("\"PasswordHash\":\"***\"", r.After));
        Assert.All(rows, r => Assert.DoesNotContain(hash, $"{r.Before} {r.After} {r.Note}"));
        Assert.All(rows, r => Assert.DoesNotContain(stamp, $"{r.Before} {r.After} {r.Note}"));
    }

    [Theory, DatabaseData]
    public async Task A_failed_login_is_recorded(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114002", "handler");

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Wrong-Pass-1" }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var userId = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == staff.UserName).Select(u => u.Id).SingleAsync(Ct));
        var failure = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "login-failed" && a.EntityId == userId.ToString(), Ct));
        Assert.Equal("StaffUser", failure.EntityType);
        Assert.Equal(staff.UserName, failure.Note);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, failure.At);
    }

    [Theory, DatabaseData]
    public async Task A_row_written_at_an_instant_finer_than_the_database_keeps_still_verifies(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        app.Clock.Advance(TimeSpan.FromTicks(1_234_567)); // 0.1234567 s: PostgreSQL keeps microseconds, .NET ticks of 100 ns

        await CreateUnitAsync(app, await app.AdminAsync(), NewCode(), "精度测试单位");

        Assert.Null(await app.WithDbAsync(d => AuditChain.VerifyAsync(d, Ct)));
    }

    [Theory, DatabaseData]
    public async Task Tampering_with_a_row_is_detected_at_that_row(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        var unit = await CreateUnitAsync(app, admin, NewCode(), "被篡改的单位");
        await CreateUnitAsync(app, admin, NewCode(), "之后的单位");
        var target = await SequenceOfInsertAsync(app, unit);

        await app.WithDbAsync(async d =>
        {
            await DropAppendOnlyGuardAsync(d);
            var changed = await d.Database.ExecuteSqlRawAsync(
                "UPDATE audit_entries SET \"after\" = replace(\"after\", '被篡改的单位', '别的单位') WHERE sequence = {0}", [target], Ct);
            Assert.Equal(1, changed);
        });

        var broken = await app.WithDbAsync(d => AuditChain.VerifyAsync(d, Ct));
        Assert.NotNull(broken);
        Assert.Equal(target, broken.Sequence);
        Assert.Contains("篡改", broken.Reason);
    }

    [Theory, DatabaseData]
    public async Task Deleting_a_row_in_the_middle_is_detected(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        var unit = await CreateUnitAsync(app, admin, NewCode(), "被删除记录的单位");
        await CreateUnitAsync(app, admin, NewCode(), "之后的单位");
        var target = await SequenceOfInsertAsync(app, unit);

        await app.WithDbAsync(async d =>
        {
            await DropAppendOnlyGuardAsync(d);
            Assert.Equal(1, await d.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE sequence = {0}", [target], Ct));
        });

        var broken = await app.WithDbAsync(d => AuditChain.VerifyAsync(d, Ct));
        Assert.NotNull(broken);
        Assert.Equal(target, broken.Sequence);
        Assert.Contains("删除", broken.Reason);
    }

    [Theory, DatabaseData]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);

        await app.WithDbAsync(async d =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => d.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'mallory' WHERE sequence = 1", Ct));
            await Assert.ThrowsAnyAsync<Exception>(() => d.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE sequence = 1", Ct));
            await Assert.ThrowsAnyAsync<Exception>(() => d.AuditEntries.Where(a => a.Sequence == 1).ExecuteDeleteAsync(Ct));
        });

        var first = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == 1, Ct));
        Assert.Equal("setup", first.Actor);
        Assert.Null(await app.WithDbAsync(d => AuditChain.VerifyAsync(d, Ct)));
    }

    [Theory, DatabaseData]
    public async Task The_verify_command_passes_an_intact_chain_and_names_the_first_broken_row_of_a_tampered_one(Db db)
    {
        // One test for both outcomes: each run of the command is a cold start of the server (a few seconds).
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        var unit = await CreateUnitAsync(app, admin, NewCode(), "命令行测试单位");
        await CreateUnitAsync(app, admin, NewCode(), "之后的单位");
        var count = await app.WithDbAsync(d => d.AuditEntries.LongCountAsync(Ct));

        var (intactExit, intactOutput) = await RunXinfangAsync(app.Database, "audit", "verify");

        Assert.True(intactExit == 0, intactOutput);
        Assert.Contains($"审计链完整：共 {count} 条记录，逐条校验通过。", intactOutput);

        var target = await SequenceOfInsertAsync(app, unit);
        await app.WithDbAsync(async d =>
        {
            await DropAppendOnlyGuardAsync(d);
            await d.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'admin2' WHERE sequence = {0}", [target], Ct);
        });

        var (brokenExit, brokenOutput) = await RunXinfangAsync(app.Database, "audit", "verify");

        Assert.True(brokenExit == 2, brokenOutput);
        Assert.Contains($"审计链断裂：第 {target} 条。", brokenOutput);
        Assert.Contains($"(audit chain broken at entry {target})", brokenOutput);
    }

    /// <summary>
    /// The migrations install triggers that refuse UPDATE and DELETE on the audit table. Someone with the database's
    /// owner rights can drop them, and that attacker is exactly whom the hash chain is for: so the tamper tests drop
    /// them first, as that attacker would, and show the chain still tells.
    /// </summary>
    private static async Task DropAppendOnlyGuardAsync(XinfangDb d)
    {
        if (d.Database.IsSqlite())
        {
            await d.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;", Ct);
        }
        else
        {
            await d.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER;", Ct);
        }
    }

    private static string NewCode() => "A" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<Guid> CreateUnitAsync(XinfangApp app, HttpClient admin, string code, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/units", new
        {
            code,
            name,
            kind = "department",
            parentId = await app.UnitIdAsync("610114000"),
            reviewBodyId = await app.UnitIdAsync("610114000"),
        }, Ct);
        await Http.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CreateUserAsync(XinfangApp app, HttpClient admin, string userName)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = "审计测试",
            unitId = await app.UnitIdAsync("610114001"),
            roles = new[] { "handler" },
            password = "Initial-Pass-1",
        }, Ct);
        await Http.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static Task<long> SequenceOfInsertAsync(XinfangApp app, Guid unit) => app.WithDbAsync(d => d.AuditEntries
        .Where(a => a.EntityType == "Unit" && a.Action == "insert" && a.EntityId == unit.ToString()).Select(a => a.Sequence).SingleAsync(Ct));

    /// <summary>The built server as an operator runs it: <c>dotnet Xinfang.Web.dll …</c>, configured by environment variables.</summary>
    private static async Task<(int ExitCode, string Output)> RunXinfangAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Xinfang.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Xinfang"] = database.ConnectionString;
        // The operator's configuration is the server's: the same keys (SECURITY.md).
        start.Environment["Identifiers__HashKey"] = XinfangApp.TestHashKey;
        start.Environment["Identifiers__EncryptionKeys"] = XinfangApp.TestEncryptionKeys;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
