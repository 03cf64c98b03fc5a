using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Prevention;

/// <summary>预防 and 秩序 (API.md "Prevention and order"): the ledger, its rounds and analysis, the order log, activities.</summary>
public static class PreventionEndpoints
{
    public static RouteGroupBuilder MapPrevention(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("矛盾纠纷排查化解").RequireAuthorization(Policies.Staff);
        ledger.MapGet("/items", async Task<Results<Ok<LedgerPage>, ProblemHttpResult>> ([AsParameters] LedgerQuery q, Ledger l, CancellationToken ct) =>
                q.Check() is { } error ? error.ToProblem() : TypedResults.Ok(await l.ListAsync(q.ToFilter(), ct)))
            .WithSummary("台账事项（本单位登记或负责的；信访部门可见全部）");
        ledger.MapPost("/items", async Task<Results<Created<LedgerItemView>, ProblemHttpResult>> (LedgerItemInput input, Ledger l, CancellationToken ct) =>
            (await l.CreateAsync(input, ct)).TryGet(out var view, out var error) ? TypedResults.Created($"/api/v1/ledger/items/{view.Id}", view) : error.ToProblem());
        ledger.MapGet("/items/{id:guid}", async Task<Results<Ok<LedgerItemView>, ProblemHttpResult>> (Guid id, Ledger l, HttpResponse response, CancellationToken ct) =>
        {
            if (!(await l.GetAsync(id, ct)).TryGet(out var view, out var error))
            {
                return error.ToProblem();
            }

            response.Headers.ETag = ETags.Of(view.Version);
            return TypedResults.Ok(view);
        });
        ledger.MapPost("/items/{id:guid}/updates", async Task<Results<Ok<LedgerItemView>, ProblemHttpResult>> (
                Guid id, LedgerUpdateInput input, Ledger l, HttpRequest request, CancellationToken ct) =>
            (await l.UpdateAsync(id, input, ETags.Parse(request), ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .WithSummary("化解进展（可带 If-Match 版本）");
        ledger.MapPut("/items/{id:guid}", async Task<Results<Ok<LedgerItemView>, ProblemHttpResult>> (
                Guid id, LedgerItemInput input, Ledger l, HttpRequest request, CancellationToken ct) =>
            (await l.EditAsync(id, input, ETags.Parse(request), ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .WithSummary("更正未办结台账事项的内容（可带 If-Match 版本；状态不在此修改；电话、身份证号留空则不变；记入化解进展）");
        ledger.MapGet("/topics", (Ledger l, CancellationToken ct) => l.TopicsAsync(ct));
        ledger.MapPost("/topics", async Task<Results<Created<TopicView>, ProblemHttpResult>> (TopicInput input, Ledger l, CancellationToken ct) =>
                (await l.SaveTopicAsync(null, input, ct)).TryGet(out var view, out var error) ? TypedResults.Created($"/api/v1/ledger/topics/{view.Id}", view) : error.ToProblem())
            .RequireAuthorization(Policies.Admin);
        ledger.MapPut("/topics/{id:guid}", async Task<Results<Ok<TopicView>, ProblemHttpResult>> (Guid id, TopicInput input, Ledger l, CancellationToken ct) =>
                (await l.SaveTopicAsync(id, input, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .RequireAuthorization(Policies.Admin);

        ledger.MapGet("/rounds", (ScreeningRoundService rounds, CancellationToken ct) => rounds.ListAsync(ct));
        ledger.MapPost("/rounds", async Task<Results<Created<RoundView>, ProblemHttpResult>> (RoundInput input, ScreeningRoundService rounds, CancellationToken ct) =>
            (await rounds.CreateAsync(input, ct)).TryGet(out var view, out var error) ? TypedResults.Created($"/api/v1/ledger/rounds/{view.Id}", view) : error.ToProblem());
        ledger.MapGet("/rounds/{id:guid}", async Task<Results<Ok<RoundView>, ProblemHttpResult>> (Guid id, ScreeningRoundService rounds, CancellationToken ct) =>
            (await rounds.GetAsync(id, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .WithSummary("各单位上报、零报告和未报情况");
        ledger.MapPost("/rounds/{id:guid}/reports", async Task<Results<Ok<RoundView>, ProblemHttpResult>> (
                Guid id, RoundReportInput input, ScreeningRoundService rounds, CancellationToken ct) =>
            (await rounds.ReportAsync(id, input, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .WithSummary("本单位上报排查结果：itemIds，或 zero: true（零报告）");

        ledger.MapGet("/export.xlsx", ExportAsync).WithSummary("台账导出（本单位范围，身份证号和电话已遮蔽）");
        ledger.MapPost("/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult>> (IFormFile file, LedgerExcel excel, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return (await excel.ImportAsync(stream, ct)).TryGet(out var result, out var error) ? TypedResults.Ok(result) : error.ToProblem();
            })
            .DisableAntiforgery()
            .WithSummary("按导出模板导入 .xlsx：全部行有效才导入；否则 422，errors 列出每处错误（行、列、原因），不导入任何数据");
        ledger.MapGet("/analysis", async Task<Results<Ok<AnalysisView>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, LedgerAnalysisQuery analysis, CancellationToken ct) =>
            LedgerAnalysisQuery.CheckPeriod(from, to) is { } error ? error.ToProblem() : TypedResults.Ok(await analysis.RunAsync(from!.Value, to!.Value, ct)))
            .WithSummary("分析研判：按类型、单位、风险统计，新增与化解，环比与同比上升的类型，久拖未化解事项，转为信访的事项");
        ledger.MapGet("/analysis.docx", AnalysisDocxAsync).WithSummary("分析研判报告（Word）");

        var incidents = api.MapGroup("/incidents").WithTags("维护秩序").RequireAuthorization(Policies.Bureau);
        incidents.MapGet("/", (DateOnly? from, DateOnly? to, OrderLog log, CancellationToken ct) => log.ListAsync(from, to, ct))
            .WithSummary("接待秩序事件记录（仅信访部门）");
        incidents.MapPost("/", async Task<Results<Created<IncidentView>, ProblemHttpResult>> (IncidentInput input, OrderLog log, CancellationToken ct) =>
            (await log.RecordAsync(input, ct)).TryGet(out var view, out var error) ? TypedResults.Created($"/api/v1/incidents/{view.Id}", view) : error.ToProblem());
        incidents.MapPut("/{id:guid}", async Task<Results<Ok<IncidentView>, ProblemHttpResult>> (
                Guid id, IncidentInput input, OrderLog log, HttpRequest request, CancellationToken ct) =>
                (await log.CorrectAsync(id, input, ETags.Parse(request), ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .WithSummary("更正接待秩序事件记录（仅信访部门；可带 If-Match 版本；更正记入审计日志）");

        var activities = api.MapGroup("/activities").WithTags("培训与宣传").RequireAuthorization(Policies.Staff);
        activities.MapGet("/", async Task<Results<Ok<List<ActivityView>>, ProblemHttpResult>> (string? kind, DateOnly? from, DateOnly? to, ActivityLog log, CancellationToken ct) =>
            kind is null ? TypedResults.Ok(await log.ListAsync(null, from, to, ct))
            : KebabEnum.TryParse<ActivityKind>(kind, out var k) ? TypedResults.Ok(await log.ListAsync(k, from, to, ct))
            : Error.Validation("activity.kind-invalid", "活动类型须为 training、publicity 或 lawyer-duty。", "kind").ToProblem());
        activities.MapPost("/", async Task<Results<Created<ActivityView>, ProblemHttpResult>> (ActivityInput input, ActivityLog log, CancellationToken ct) =>
                (await log.RecordAsync(input, ct)).TryGet(out var view, out var error) ? TypedResults.Created($"/api/v1/activities/{view.Id}", view) : error.ToProblem())
            .RequireAuthorization(Policies.Bureau);
        return api;
    }

    /// <summary>List filters as the query string carries them; risk and status in the API's kebab-case (became-petition).</summary>
    /// <summary>
    /// The same downloads for the pages' links: a browser has the session cookie, and /api answers only to a bearer
    /// token, so the files are also served under the pages' own paths.
    /// </summary>
    public static WebApplication MapPreventionFiles(this WebApplication app)
    {
        var files = app.MapGroup("/prevention").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        files.MapGet("/ledger/export.xlsx", ExportAsync);
        files.MapGet("/analysis.docx", AnalysisDocxAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync([AsParameters] LedgerQuery q, LedgerExcel excel, CancellationToken ct) =>
        q.Check() is { } error ? error.ToProblem() : TypedResults.File(await excel.ExportAsync(q.ToFilter(), ct), OfficeFiles.Xlsx, "矛盾纠纷排查化解台账.xlsx");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnalysisDocxAsync(
        DateOnly? from, DateOnly? to, LedgerAnalysisQuery analysis, ReferenceData reference, Staff staff, TimeProvider time, CancellationToken ct)
    {
        if (LedgerAnalysisQuery.CheckPeriod(from, to) is { } error)
        {
            return error.ToProblem();
        }

        var view = await analysis.RunAsync(from!.Value, to!.Value, ct);
        var units = (await reference.CurrentAsync(ct)).Units;
        var unit = units.TryGetValue(staff.UnitId, out var u) ? u.Name : "本单位";
        var document = AnalysisDocument.Compose(view, unit, staff.IsBureau ? "全区" : unit, ChinaTime.DateOf(time.GetUtcNow()));
        return TypedResults.File(DocxWriter.Write(document), OfficeFiles.Docx, $"矛盾纠纷分析研判{from:yyyyMMdd}-{to:yyyyMMdd}.docx");
    }

    public sealed record LedgerQuery(string? Topic, Guid? UnitId, string? Risk, string? Status, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
    {
        public LedgerFilter ToFilter() => new(Topic, UnitId, Parse<RiskLevel>(Risk), Parse<LedgerStatus>(Status), From, To, Page ?? 1, PageSize ?? 50);

        public Error? Check() =>
            Risk is not null && Parse<RiskLevel>(Risk) is null ? Error.Validation("ledger.filter-invalid", "风险等级须为 low、medium、high 或 major。", "risk")
            : Status is not null && Parse<LedgerStatus>(Status) is null ? Error.Validation("ledger.filter-invalid", "状态须为 unresolved、resolving、resolved 或 became-petition。", "status")
            : null;

        private static T? Parse<T>(string? value) where T : struct, Enum => KebabEnum.TryParse<T>(value, out var parsed) ? parsed : null;
    }
}
