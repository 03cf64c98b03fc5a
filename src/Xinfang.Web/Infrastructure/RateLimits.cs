using System.Threading.RateLimiting;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Limits on the doors that face guessing: the login and the petitioner's query code. Lockout protects one account;
/// these protect against trying many accounts or many codes from one address.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Public = "public";

    public static WebApplicationBuilder AddXinfangRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:PerMinute", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Login, http => PerAddress(http, perMinute));
            o.AddPolicy(Public, http => PerAddress(http, perMinute));
        });
        return builder;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
