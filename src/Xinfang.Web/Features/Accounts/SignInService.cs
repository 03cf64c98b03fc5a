using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

/// <summary>
/// Password checks shared by the login page and the API. An outsider learns nothing from them: a name that does not
/// exist, an inactive account and a wrong password get the same answer at the same cost (one password hash, one
/// audit row). Repeated failures are throttled per address and account, not by locking the account: a stranger
/// guessing at a clerk's name blocks only their own address, never the clerk at their desk.
/// </summary>
public sealed class SignInService(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, XinfangDb db, IMemoryCache cache,
                                  IHttpContextAccessor http)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan ThrottleFor = TimeSpan.FromMinutes(15);

    private static readonly Error WrongCredentials = new(ErrorKind.Unauthorized, "auth.invalid-credentials", "登录失败", "用户名或密码不正确。");

    private static readonly Error Throttled = new(ErrorKind.Unauthorized, "auth.too-many-attempts", "登录失败次数过多",
        $"从本机登录该账户已连续失败 {MaxFailures} 次，请 {ThrottleFor.TotalMinutes:0} 分钟后再试，或联系系统管理员重置密码。");

    // Verified against when the name is unknown, so that an unknown name costs what a wrong password costs.
    private static readonly Lazy<(StaffUser User, string Hash)> Decoy = new(() =>
    {
        var user = new StaffUser { UserName = "decoy" };
        return (user, new PasswordHasher<StaffUser>().HashPassword(user, Guid.NewGuid().ToString()));
    });

    public async Task<Result<StaffUser>> CheckAsync(string userName, string password)
    {
        var name = userName.Trim();
        var throttleKey = $"xinfang:login-failures:{http.HttpContext?.Connection.RemoteIpAddress}:{name.ToUpperInvariant()}";
        var failures = cache.Get<int?>(throttleKey) ?? 0;
        var user = await users.FindByNameAsync(name);

        bool passwordOk;
        if (user is { IsActive: true } && failures < MaxFailures)
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            passwordOk = result.Succeeded;
        }
        else
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);
            passwordOk = false;
        }

        if (passwordOk)
        {
            cache.Remove(throttleKey);
            // The request is still anonymous; the one who signs in is the actor of their sign-in.
            db.Actor.ActAs(user!.UserName!);
            db.RecordEvent("login", nameof(StaffUser), user.Id.ToString(), name);
            await db.SaveChangesAsync();
            return user;
        }

        cache.Set(throttleKey, failures + 1, ThrottleFor);
        db.RecordEvent(failures + 1 >= MaxFailures ? "login-throttled" : "login-failed", nameof(StaffUser), user?.Id.ToString() ?? "", name);
        await db.SaveChangesAsync();
        return failures + 1 > MaxFailures ? Throttled : WrongCredentials;
    }

    public Task<ClaimsPrincipal> PrincipalAsync(StaffUser user) => signIn.CreateUserPrincipalAsync(user);

    public Task SignInWithCookieAsync(StaffUser user) => signIn.SignInAsync(user, isPersistent: false);

    /// <summary>
    /// Logging out ends the session on the server, not only in the browser: a new security stamp invalidates every
    /// cookie and token issued before (checked on each request by <see cref="TokenRevocation"/>).
    /// </summary>
    public async Task EndSessionsAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            TokenRevocation.Forget(cache, user.Id);
            db.RecordEvent("logout", nameof(StaffUser), user.Id.ToString(), user.UserName);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Returns null on success, or the policy failures in Chinese.</summary>
    public async Task<Error?> ChangePasswordAsync(StaffUser user, string current, string next)
    {
        if (current == next)
        {
            return Error.Validation("auth.password-unchanged", "新密码不能与原密码相同。", "newPassword");
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            var messages = result.Errors.Select(e => e.Description).ToArray();
            // A wrong current password is the current field's error, so a form keeps the new password typed.
            var field = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword";
            return Error.Validation("auth.password-rejected", string.Join(" ", messages),
                new Dictionary<string, string[]> { [field] = messages });
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        TokenRevocation.Forget(cache, user.Id);
        return null;
    }

    public static async Task<bool> AnyAdminAsync(XinfangDb db) =>
        await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).AnyAsync(n => n == Roles.Admin);
}
