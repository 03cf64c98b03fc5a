using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Audit;

namespace Xinfang.Web.Data.Seed;

/// <summary>
/// First start and every start: apply migrations, then seed what an empty database needs — the organisation tree,
/// the roles and a first administrator. Each step checks before it writes, so it is safe on every start and on
/// several servers starting at once (migrations run under a lock, see XinfangDb.ApplyMigrationsAsync; the seed runs in one
/// transaction under the audit chain lock).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditActor>().ActAs("setup");
        var db = sp.GetRequiredService<XinfangDb>();
        await db.ApplyMigrationsAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while a registration commits. It is a property of the file, so once is enough;
            // synchronous=FULL is one of each connection, set as it opens (SqliteConnectionSettings).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // One transaction under the chain lock: a second server starting at the same time waits, then finds it all
        // there (checking and creating the roles or the administrator outside it let two servers both create them).
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        await SeedOrganisationAsync(db, cancellationToken);
        await Features.Calendar.ClockSeeding.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await Features.Categories.CategoryEditor.SeedAsync(db, cancellationToken);
        await Features.Routing.RoutingRules.SeedAsync(db, cancellationToken);
        await Features.Notices.TemplateStore.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await Features.Notices.NoticeDocuments.BackfillAsync(db, cancellationToken);
        await SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        await EnsureAdministratorAsync(sp, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SeedOrganisationAsync(XinfangDb db, CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(cancellationToken))
        {
            return;
        }

        var ids = YanliangOrganisation.Units.ToDictionary(u => u.Code, _ => Guid.CreateVersion7());
        foreach (var seed in YanliangOrganisation.Units)
        {
            db.Units.Add(new Unit(ids[seed.Code], seed.Code, seed.Name, seed.Kind,
                seed.ParentCode is null ? null : ids[seed.ParentCode],
                seed.ReviewBodyCode is null ? null : ids[seed.ReviewBodyCode], seed.Abbreviation));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }
    }

    /// <summary>
    /// The first administrator's password comes from <c>Bootstrap:AdminPassword</c> (automated deployments; no change
    /// is forced) or is generated, printed once to the console and must be changed at first login. No password is
    /// ever fixed in the repository.
    /// </summary>
    private static async Task EnsureAdministratorAsync(IServiceProvider sp, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<XinfangDb>();
        if (await SignInService.AnyAdminAsync(db))
        {
            return;
        }

        var configured = sp.GetRequiredService<IConfiguration>()["Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var bureau = await db.Units.SingleAsync(u => u.Code == YanliangOrganisation.BureauCode, cancellationToken);
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var admin = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = "admin",
            DisplayName = "系统管理员",
            UnitId = bureau.Id,
            MustChangePassword = string.IsNullOrEmpty(configured),
        };

        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap:AdminPassword does not meet the password policy: "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine(" 信访事项办理系统 · 首次启动 / Xinfang first start");
            Console.WriteLine($" 管理员账户 admin 的一次性密码 / one-time password: {password}");
            Console.WriteLine(" 首次登录后须修改密码。/ It must be changed at first login.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
    }

    private static string GeneratePassword()
    {
        // Unambiguous characters; 16 of them from 54 give about 92 bits. One of each class satisfies the policy.
        const string upper = "ABCDEFGHJKMNPQRTUVWXY", lower = "abcdefghjkmnpqrtuvwxy", digits = "346789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
