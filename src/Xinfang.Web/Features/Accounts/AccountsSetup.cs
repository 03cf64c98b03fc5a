using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

public static class Policies
{
    public const string Admin = "admin";

    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "staff";

    /// <summary>Registration and the registrar's queue (凡访必登 is the registrar's desk).</summary>
    public const string Registrar = "registrar";

    /// <summary>Bureau staff who may look across every unit: the registrar, the supervisor and the director.</summary>
    public const string Bureau = "bureau";

    /// <summary>The audit trail: the auditor reads all of it, the security administrator its security events.</summary>
    public const string Audit = "audit";
}

/// <summary>
/// ASP.NET Core Identity for staff: a cookie for the browser UI and a bearer token for the API, chosen by path.
/// Everything requires a signed-in user unless it says <c>AllowAnonymous</c>.
/// </summary>
public static class AccountsSetup
{
    public const string Scheme = "xinfang";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddXinfangAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                // No account lockout: anyone could lock a clerk out by guessing at their name. SignInService throttles
                // failures per address and account instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<XinfangDb>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TokenLifetime)
            .AddIdentityCookies();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "xinfang";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TokenLifetime;
            o.SlidingExpiration = true;
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Registrar, p => p.RequireRole(Roles.Registrar))
            .AddPolicy(Policies.Bureau, p => p.RequireRole(Roles.Bureau))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor, Roles.SecurityAdmin))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(Staff.UnitClaim));

        builder.Services.AddScoped(sp => Staff.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new()) ?? Staff.System);
        return builder;
    }

    /// <summary>
    /// A user whose password was set by someone else (the seeded administrator, a new account) must choose their own
    /// before doing anything else. Pages redirect to the change form; the API refuses with a problem detail.
    /// </summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        var allowed = path.StartsWithSegments("/account/password") || path.StartsWithSegments("/api/v1/auth") || path.StartsWithSegments("/logout")
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/favicon.svg");
        if (!allowed && http.User.HasClaim(Staff.MustChangePasswordClaim, "true"))
        {
            if (path.StartsWithSegments("/api"))
            {
                await Infrastructure.Problems.WriteAsync(http, StatusCodes.Status403Forbidden, "auth.password-change-required",
                    "需要修改密码", "首次登录或密码由管理员设置后，须先修改密码。请在网页端登录修改，或调用 POST /api/v1/auth/password。");
                return;
            }

            http.Response.Redirect("/account/password");
            return;
        }

        await next(http);
    });
}
