using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Xinfang.Web.Data;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Accounts;

/// <summary>
/// A bearer token or a session cookie is self-contained and would stay valid for its eight hours after the account
/// was deactivated, its roles or unit changed, or its user logged out. Every such change renews the account's
/// security stamp (UserEditor, SignInService), so every signed-in request compares its stamp with the account's —
/// cached briefly, so this costs one lookup per user per half minute; the server that made the change forgets its
/// cached stamp at once, other servers within <see cref="CacheFor"/>.
/// </summary>
public static class TokenRevocation
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static IApplicationBuilder UseTokenRevocation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var stampClaim = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var current = await http.RequestServices.GetRequiredService<IMemoryCache>().GetOrCreateAsync($"xinfang:stamp:{userId}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                var db = http.RequestServices.GetRequiredService<XinfangDb>();
                return await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
            });
            if (current is null || current != http.User.FindFirstValue(stampClaim))
            {
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    // A page request with a revoked cookie: signed out, so the pages send the browser to the login form.
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                    http.User = new ClaimsPrincipal(new ClaimsIdentity());
                    await next(http);
                    return;
                }

                await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "auth.token-revoked", "令牌已失效",
                    "账户已停用、其角色或单位已变更，或已退出登录，请重新登录。");
                return;
            }
        }

        await next(http);
    });

    /// <summary>Forget the cached stamp at once on this server when an administrator changes the account.</summary>
    public static void Forget(IMemoryCache cache, Guid userId) => cache.Remove($"xinfang:stamp:{userId}");
}
