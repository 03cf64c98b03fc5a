using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xinfang.Domain.Shared;
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
        // Ends every session of the account: this token, other tokens and signed-in browsers alike.
        // Outside the anonymous group: only a signed-in caller can log out.
        api.MapPost("/auth/logout", async Task<NoContent> (HttpContext http, SignInService signIn) =>
        {
            await signIn.EndSessionsAsync(http.User);
            return TypedResults.NoContent();
        }).WithTags("登录").RequireAuthorization();
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
