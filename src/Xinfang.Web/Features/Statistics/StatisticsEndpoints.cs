using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Statistics;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Statistics;

/// <summary>统计 (API.md "Statistics and reports"): the summary, the dashboard's figures, the definitions, Excel and the annual report.</summary>
public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("统计").RequireAuthorization(Policies.Bureau);
        statistics.MapGet("/summary", async Task<Results<Ok<SummaryView>, ProblemHttpResult>> (
                [AsParameters] PeriodQuery q, SummaryQuery summary, StatisticsSettings settings, CancellationToken ct) =>
            q.Resolve(settings, summary.Today).TryGet(out var period, out var error) ? TypedResults.Ok(await summary.RunAsync(period, ct)) : error.ToProblem())
            .WithSummary("统计汇总：from/to，或 year 加 month 或 quarter（按统计月结账日）；previous 为同比，sequential 为环比");
        statistics.MapGet("/dashboard", async Task<Results<Ok<DashboardView>, ProblemHttpResult>> (
                [AsParameters] PeriodQuery q, DashboardQuery dashboard, SummaryQuery summary, StatisticsSettings settings, CancellationToken ct) =>
            q.Resolve(settings, summary.Today).TryGet(out var period, out var error) ? TypedResults.Ok(await dashboard.RunAsync(period, ct)) : error.ToProblem())
            .WithSummary("领导看板：汇总、按月（本年与上年）、各单位超期");
        statistics.MapGet("/definitions", (StatisticsSettings settings) => TypedResults.Ok(new
            {
                figures = Definitions.Figures, rates = Definitions.Rates, rounding = Definitions.Rounding,
                statisticalMonth = Definitions.StatisticalMonth, monthClosingDay = settings.MonthClosingDay,
            }))
            .WithSummary("统计口径");
        statistics.MapGet("/export.xlsx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                [AsParameters] PeriodQuery q, string? table, DashboardQuery dashboard, SummaryQuery summary, StatisticsSettings settings, CancellationToken ct) =>
            {
                if (table is not null && !StatisticsExcel.Tables.ContainsKey(table))
                {
                    return Error.Validation("statistics.table-invalid", $"table 须为 {string.Join("、", StatisticsExcel.Tables.Keys)} 之一。", "table").ToProblem();
                }

                if (!q.Resolve(settings, summary.Today).TryGet(out var period, out var error))
                {
                    return error.ToProblem();
                }

                var name = table is null ? "信访统计" : StatisticsExcel.Tables[table];
                return TypedResults.File(StatisticsExcel.Build(await dashboard.RunAsync(period, ct), table), OfficeFiles.Xlsx, $"{name}（{period.Label}）.xlsx");
            })
            .WithSummary("看板各表导出为 Excel（table 指定一张表，缺省为全部）");

        var reports = api.MapGroup("/reports").WithTags("统计").RequireAuthorization(Policies.Bureau);
        reports.MapGet("/annual/{year:int}", async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> (int year, AnnualReportQuery report, CancellationToken ct) =>
                AnnualReportQuery.CheckYear(year) is { } error ? error.ToProblem() : TypedResults.Ok(await report.RunAsync(year, ct)))
            .WithSummary("信访情况年度报告的数据与文字（第四十一条）");
        reports.MapGet("/annual/{year:int}.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int year, AnnualReportQuery report, CancellationToken ct) =>
                AnnualReportQuery.CheckYear(year) is { } error ? error.ToProblem()
                : TypedResults.File(await report.DocumentAsync(year, ct), OfficeFiles.Docx, $"{year}年信访工作情况报告.docx"))
            .WithSummary("信访情况年度报告（Word，可编辑）");
        return api;
    }
}
