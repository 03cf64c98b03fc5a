using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// HTTPS, either directly (Kestrel with a configured certificate: <c>Kestrel:Endpoints:Https</c>) or behind a
/// TLS-terminating proxy. The proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the
/// addresses listed in <c>ReverseProxy:KnownProxies</c>, so that nobody else can claim to be on HTTPS or spoof the
/// address the login throttle and the audit trail record. On HTTPS the session and anti-forgery cookies are
/// <c>Secure</c> (their policy is "same as request") and every response carries HSTS.
/// </summary>
public static class Transport
{
    public static WebApplicationBuilder AddXinfangTransport(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>()
            ?? (builder.Configuration["ReverseProxy:KnownProxies"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        // The session cookie's policy is already "same as request"; the anti-forgery cookie's default is never Secure.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear(); // a request that arrived over HTTPS gets HSTS, whatever its host name
        });
        return builder;
    }

    public static WebApplication UseXinfangTransport(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseHsts(); // only ever sent on HTTPS responses
        return app;
    }
}
