using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Xinfang.Web.Data;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Hosting;

/// <summary>The HTTP side: Razor Pages in feature folders, JSON, problem details, OpenAPI, health, limits.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddXinfangWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");

        // Razor would otherwise write 张三 as &#x5F20;&#x4E09;.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddValidation();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        builder.Services.AddExceptionHandler<XinfangExceptionHandler>();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "信访事项办理系统 API";
            document.Info.Description = "Xinfang HTTP API v1. 鉴权：POST /api/v1/auth/login 取得令牌后以 Authorization: Bearer 传递。";
            return Task.CompletedTask;
        }));

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        builder.AddXinfangRateLimits();
        return builder;
    }

    private sealed class DatabaseHealthCheck(XinfangDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("数据库无法连接");
    }
}
