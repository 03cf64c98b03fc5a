using Microsoft.Extensions.DependencyInjection.Extensions;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Attachments;
using Xinfang.Web.Features.Audit;
using Xinfang.Web.Features.Exchange;
using Xinfang.Web.Features.Calendar;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Desk;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Features.Notices;
using Xinfang.Web.Features.Organisation;
using Xinfang.Web.Features.Portal;
using Xinfang.Web.Features.Prevention;
using Xinfang.Web.Features.Routing;
using Xinfang.Web.Features.Supervision;
using Xinfang.Web.Features.Statistics;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Hosting;

/// <summary>The application services of each feature, and the API: one line per feature, in the bureau's order.</summary>
public static class FeaturesSetup
{
    public static WebApplicationBuilder AddXinfangFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddScoped<UserEditor>();
        builder.Services.AddScoped<UnitEditor>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<DeskTiles>();
        builder.Services.AddScoped<ExchangeExport>();
        builder.Services.AddScoped<ExchangeImport>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddScoped<ReferenceData>();
        builder.Services.AddScoped<CalendarEditor>();
        builder.Services.AddScoped<PeriodRuleEditor>();
        builder.Services.AddScoped<DeadlineRecalculation>();
        builder.Services.AddScoped<CategoryEditor>();
        builder.Services.AddScoped<IdempotencyStore>();
        builder.Services.AddScoped<MatterWorkflow>();
        builder.Services.AddScoped<MatterProblems>();
        builder.Services.AddScoped<RepeatFinder>();
        builder.Services.AddScoped<RepeatLinks>();
        builder.Services.AddSingleton<WordFrequencies>();
        builder.Services.AddScoped<MatterList>();
        builder.Services.AddScoped<MatterExport>();
        builder.Services.AddScoped<Features.Registry.PetitionerRegistry>();
        builder.Services.AddScoped<RoutingRules>();
        builder.Services.AddScoped<LeaderPackages>();
        builder.Services.AddScoped<NoticeReader>();
        builder.Services.AddScoped<TemplateStore>();
        builder.Services.AddScoped<TemplatePreview>();
        builder.Services.AddScoped<AttachmentStore>();
        builder.Services.AddSingleton<IAttachmentScanner, EicarOnlyScanner>();
        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<LedgerExcel>();
        builder.Services.AddScoped<LedgerAnalysisQuery>();
        builder.Services.AddScoped<ScreeningRoundService>();
        builder.Services.AddScoped<OrderLog>();
        builder.Services.AddScoped<ActivityLog>();
        builder.Services.AddSingleton<PortalThrottle>();
        builder.Services.TryAddSingleton<ISmsSender, LoggingSmsSender>();
        builder.Services.AddScoped<PetitionPortal>();
        builder.Services.AddScoped<ReturnVisits>();
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection("Supervision"));
        builder.Services.AddScoped<SupervisionSweep>();
        builder.Services.AddScoped<ConcentratedSupervision>();
        builder.Services.AddScoped<LeaderOverview>();
        builder.Services.AddScoped<UnitDigests>();
        builder.Services.AddScoped<SuggestionRegister>();
        builder.Services.AddSingleton<IDigestSender, LoggingDigestSender>();
        builder.Services.AddScoped<SupervisionLetters>();
        if (builder.Configuration.GetValue("Jobs:SupervisionSweep", true))
        {
            builder.Services.AddHostedService<DailySweep>();
        }

        builder.Services.AddSingleton(StatisticsSettings.From(builder.Configuration));
        builder.Services.AddScoped<SummaryQuery>();
        builder.Services.AddScoped<DashboardQuery>();
        builder.Services.AddScoped<AnnualReportQuery>();
        if (builder.Configuration.GetValue("Jobs:DailyClosing", true))
        {
            builder.Services.AddHostedService<DailyClosing>();
        }

        if (builder.Configuration.GetValue("Jobs:NoticeBackfill", true))
        {
            builder.Services.AddHostedService<NoticeDocumentBackfill>();
        }

        if (builder.Configuration.GetValue("Jobs:IdentifierRewrap", true))
        {
            builder.Services.AddHostedService<IdentifierRewrapJob>();
        }

        if (builder.Configuration.GetValue("Jobs:StorageUpkeep", true))
        {
            builder.Services.AddHostedService<StorageUpkeep>();
        }
        return builder;
    }

    public static WebApplication MapXinfangApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuth();
        api.MapUnits();
        api.MapUsers();
        api.MapCalendar();
        api.MapCategories();
        api.MapMatters();
        app.MapMatterFiles();
        api.MapRouting();
        api.MapPackages();
        api.MapNotices();
        app.MapNoticePages();
        api.MapAttachments();
        api.MapExchange();
        app.MapExchangePages();
        app.MapAttachmentPages();
        api.MapPrevention();
        api.MapPortal();
        api.MapReturnVisits();
        api.MapSupervision();
        app.MapPreventionFiles();
        api.MapAudit();
        api.MapStatistics();
        app.MapStatisticsFiles();
        return app;
    }

    public static WebApplication MapXinfangDocs(this WebApplication app)
    {
        if (ApiDocsPublic(app))
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        }

        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// <c>ApiDocs:Public</c>: the OpenAPI document and its UI describe every endpoint to anyone, which helps whoever
    /// integrates with Xinfang and whoever probes it alike; so they are served by default everywhere but Production.
    /// </summary>
    private static bool ApiDocsPublic(WebApplication app) =>
        app.Configuration.GetValue("ApiDocs:Public", !app.Environment.IsProduction());

    /// <summary>
    /// The API reference UI is middleware, not an endpoint, so it must come before authentication: behind it the
    /// fallback policy would refuse it to anyone without a token, although it only shows the anonymous OpenAPI document.
    /// </summary>
    public static WebApplication UseXinfangDocsUi(this WebApplication app)
    {
        if (!ApiDocsPublic(app))
        {
            return app;
        }

        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.DocumentTitle = "信访事项办理系统 API";
            o.SwaggerEndpoint("/openapi/v1.json", "Xinfang v1");
        });
        return app;
    }
}
