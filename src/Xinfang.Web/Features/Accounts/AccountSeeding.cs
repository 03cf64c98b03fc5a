using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

/// <summary>The roles and the first administrator, on an empty database; the administrator belongs to the bureau's unit.</summary>
public static class AccountSeeding
{
    public static async Task SeedAsync(IServiceProvider sp, string bureauCode, CancellationToken cancellationToken = default)
    {
        await SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        await EnsureAdministratorAsync(sp, bureauCode, cancellationToken);
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
    private static async Task EnsureAdministratorAsync(IServiceProvider sp, string bureauCode, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<XinfangDb>();
        if (await SignInService.AnyAdminAsync(db))
        {
            return;
        }

        var configured = sp.GetRequiredService<IConfiguration>()["Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var bureau = await db.Units.SingleAsync(u => u.Code == bureauCode, cancellationToken);
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
