using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Accounts;

public static class AuthEndpoints
{
    public sealed record LoginRequest([property: Required(ErrorMessage = "请填写用户名。")] string UserName,
                                      [property: Required(ErrorMessage = "请填写密码。")] string Password);

    public sealed record UserInfo(Guid Id, string UserName, string DisplayName, Guid UnitId, IReadOnlyList<string> Roles);

    public sealed record LoginResponse(string AccessToken, string TokenType, long ExpiresIn, UserInfo User);

    public sealed record ChangePasswordRequest([property: Required(ErrorMessage = "请填写用户名。")] string UserName,
                                               [property: Required(ErrorMessage = "请填写原密码。")] string CurrentPassword,
                                               [property: Required(ErrorMessage = "请填写新密码。")] string NewPassword);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("登录").AllowAnonymous();
        group.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimits.Login);
        group.MapPost("/password", ChangePasswordAsync).RequireRateLimiting(RateLimits.Login);
        return api;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInService signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var outcome = await signIn.CheckAsync(request.UserName, request.Password);
        if (!outcome.TryGet(out var user, out var error))
        {
            return error.ToProblem();
        }

        if (user.MustChangePassword)
        {
            return Error.Forbidden("auth.password-change-required", "首次登录或密码由管理员设置后，须先修改密码（POST /api/v1/auth/password 或网页端）。").ToProblem();
        }

        var principal = await signIn.PrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        var roles = principal.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        return TypedResults.Ok(new LoginResponse(token, "Bearer", (long)options.BearerTokenExpiration.TotalSeconds,
            new UserInfo(user.Id, user.UserName!, user.DisplayName, user.UnitId, roles)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordRequest request, SignInService signIn)
    {
        var outcome = await signIn.CheckAsync(request.UserName, request.CurrentPassword);
        if (!outcome.TryGet(out var user, out var error))
        {
            return error.ToProblem();
        }

        var changed = await signIn.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        return changed is null ? TypedResults.NoContent() : changed.ToProblem();
    }
}

/// <summary>Password checks shared by the login page and the API: lockout, inactive accounts, an audited failure.</summary>
public sealed class SignInService(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, XinfangDb db)
{
    private static readonly Error WrongCredentials = new(ErrorKind.Unauthorized, "auth.invalid-credentials", "登录失败", "用户名或密码不正确。");

    public async Task<Result<StaffUser>> CheckAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            return WrongCredentials;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user;
        }

        db.RecordEvent(result.IsLockedOut ? "login-locked-out" : "login-failed", nameof(StaffUser), user.Id.ToString(), userName);
        await db.SaveChangesAsync();
        return result.IsLockedOut
            ? Error.Rule("auth.locked-out", "账户已锁定", "连续多次密码错误，账户已临时锁定，请 15 分钟后再试或联系系统管理员。")
            : WrongCredentials;
    }

    public Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(StaffUser user) => signIn.CreateUserPrincipalAsync(user);

    public Task SignInWithCookieAsync(StaffUser user) => signIn.SignInAsync(user, isPersistent: false);

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
            return Error.Validation("auth.password-rejected", string.Join(" ", messages),
                new Dictionary<string, string[]> { ["newPassword"] = messages });
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return null;
    }

    public static async Task<bool> AnyAdminAsync(XinfangDb db) =>
        await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).AnyAsync(n => n == Roles.Admin);
}
