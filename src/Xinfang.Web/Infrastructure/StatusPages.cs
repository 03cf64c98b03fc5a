namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Empty error responses get a body: a problem detail for the API, a Chinese error page for the browser.
/// </summary>
public static class StatusPages
{
    public static IApplicationBuilder UseXinfangStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(http => IsApi(http.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
}
