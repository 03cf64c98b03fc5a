namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Headers on every response. The CSP allows no inline script and no inline style: every script and stylesheet is
/// a file under wwwroot, which is why pages never use <c>style="…"</c> or <c>onclick="…"</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next(http);
    });

    /// <summary>Refuses API bodies over the limit before anything reads them (Kestrel's own limit is for uploads).</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.Request.Path.StartsWithSegments("/api/v1/public") ? ApiJson.PublicMaxBody : ApiJson.MaxBody;
        if (http.Request.Path.StartsWithSegments("/api") && http.Request.ContentLength > max
            && !http.Request.HasFormContentType)
        {
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "request.too-large", "请求内容过大",
                $"请求体不能超过 {max / 1024} KB。");
            return;
        }

        if (http.Request.Path.StartsWithSegments("/api") && !http.Request.HasFormContentType
            && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max; // also bounds chunked bodies that send no Content-Length
        }

        await next(http);
    });
}
