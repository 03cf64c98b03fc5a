using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// <c>/api/v1/matters</c>: registration, queries, and one POST per transition of LIFECYCLE.md. Request bodies are the
/// domain commands themselves; every action honours <c>If-Match</c> and answers with the matter and its new ETag.
/// </summary>
public static class MatterEndpoints
{
    /// <summary>The search page's Excel link: the browser has the session cookie, and /api answers only to a bearer token.</summary>
    public static WebApplication MapMatterFiles(this WebApplication app)
    {
        app.MapGet("/matters/export.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        [AsParameters] MatterQuery query, MatterExport export, CancellationToken ct) =>
        (await query.ToFilter().ThenAsync(filter => export.ExportAsync(filter, ct))).TryGet(out var file, out var error)
            ? TypedResults.File(file, OfficeFiles.Xlsx, "信访事项查询结果.xlsx")
            : error.ToProblem();

    public static RouteGroupBuilder MapMatters(this RouteGroupBuilder api)
    {
        var matters = api.MapGroup("/matters").WithTags("信访事项").RequireAuthorization(Policies.Staff);
        matters.MapPost("/", RegisterAsync);
        matters.MapGet("/", ListAsync);
        matters.MapGet("/export.xlsx", ExportAsync)
            .WithSummary($"按与列表相同的条件导出 Excel（最多 {MatterExport.MaxRows} 件；信访人姓名按列表的遮蔽规则，不含身份证号和电话；导出记入审计）");
        matters.MapGet("/{id:guid}", GetAsync);
        matters.MapGet("/{id:guid}/notices", async (Guid id, MatterWorkflow workflow, CancellationToken ct) =>
            (await workflow.GetAsync(id, ct)).TryGet(out var view, out var error) ? Results.Ok(view.Notices) : error.ToProblem());

        matters.MapGet("/{id:guid}/petitioners", async (Guid id, MatterWorkflow workflow, CancellationToken ct) =>
            (await workflow.RevealAsync(id, ct)).TryGet(out var identities, out var error) ? Results.Ok(identities) : error.ToProblem());
        // 重复信访 (issue 14). The draft is POSTed, never put in a query string: it carries ID numbers and phones.
        matters.MapPost("/repeat-candidates", async (RegistrationInput draft, RepeatFinder finder, CancellationToken ct) =>
                Results.Ok(await finder.ForDraftAsync(draft, ct)))
            .WithSummary("登记表（草稿）的疑似重复信访：同一信访人近几年的事项，按身份、诉求相似度、被反映对象、属地、分类和时间评分，并列出理由");
        matters.MapGet("/{id:guid}/repeat-candidates", async (Guid id, RepeatFinder finder, CancellationToken ct) =>
                (await finder.ForMatterAsync(id, ct)).TryGet(out var found, out var error) ? Results.Ok(found) : error.ToProblem())
            .WithSummary("已登记事项的疑似重复信访（仅较早的事项，已确认或排除的不再列出）");
        matters.MapGet("/{id:guid}/repeat-links", async (Guid id, RepeatLinks links, CancellationToken ct) =>
                (await links.ListAsync(id, ct)).TryGet(out var list, out var error) ? Results.Ok(list) : error.ToProblem())
            .WithSummary("该事项的重复信访确认和排除记录");
        matters.MapPost("/{id:guid}/repeat-links", async (Guid id, RepeatLinkInput input, RepeatLinks links, CancellationToken ct) =>
                (await links.DecideAsync(id, input, ct)).TryGet(out var link, out var error) ? Results.Ok(link) : error.ToProblem())
            .WithSummary("确认（confirmed：设置 repeatOf，原事项重复次数加一，原事项已办结的标记“办理后仍重复信访”）或排除（dismissed）一对疑似重复信访");
        matters.MapPost("/close-expired", async (DateOnly? asOf, MatterWorkflow workflow, Staff staff, CancellationToken ct) =>
        {
            if (!staff.Has(Roles.Registrar) && !staff.Has(Roles.Supervisor))
            {
                return Error.Forbidden("matter.forbidden", "只有登记员或督查员可以执行归档。").ToProblem();
            }

            var day = asOf ?? workflow.Today;
            return day > workflow.Today
                ? Error.Validation("matter.on-in-future", "归档日期不能晚于今天。", "asOf").ToProblem()
                : Results.Ok(new { asOf = day, closed = await workflow.CloseExpiredAsync(day, ct) });
        });

        // One POST per row of the transition table, named as the API names the action, with the action's command as its body.
        var map = typeof(MatterEndpoints).GetMethod(nameof(MapAction), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var (action, command) in Lifecycle.Commands)
        {
            map.MakeGenericMethod(command).Invoke(null, [matters, KebabEnum.Name(action)]);
        }

        return api;
    }

    private static void MapAction<T>(RouteGroupBuilder matters, string name) where T : MatterCommand =>
        matters.MapPost($"/{{id:guid}}/{name}", async Task<Results<Ok<MatterView>, ProblemHttpResult>> (
            Guid id, T command, HttpContext http, MatterWorkflow workflow, CancellationToken ct) =>
                Respond(http, await workflow.ActAsync(id, command, ETags.Parse(http.Request), ct)))
            .WithName($"matter-{name}");

    private static async Task<Results<Created<MatterView>, ProblemHttpResult>> RegisterAsync(
        RegistrationInput input, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, MatterWorkflow workflow, CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > IdempotencyStore.MaxKeyLength })
        {
            return Error.Validation("idempotency.key-invalid", $"Idempotency-Key 应为 1 到 {IdempotencyStore.MaxKeyLength} 个字符。", "Idempotency-Key").ToProblem();
        }

        var result = await workflow.RegisterAsync(input, idempotencyKey, ct);
        if (!result.TryGet(out var view, out var error))
        {
            return error.ToProblem();
        }

        http.Response.Headers.ETag = ETags.Of(view.Version);
        return TypedResults.Created($"/api/v1/matters/{view.Id}", view);
    }

    private static async Task<Results<Ok<MatterView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, MatterWorkflow workflow, CancellationToken ct) =>
        Respond(http, await workflow.GetAsync(id, ct));

    private static async Task<Results<Ok<Page<MatterSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] MatterQuery query, MatterList list, CancellationToken ct)
    {
        var result = await query.ToFilter().ThenAsync(filter => list.FindAsync(filter, ct));
        return result.TryGet(out var page, out var error) ? TypedResults.Ok(page) : error.ToProblem();
    }

    private static Results<Ok<MatterView>, ProblemHttpResult> Respond(HttpContext http, Result<MatterView> result)
    {
        if (!result.TryGet(out var view, out var error))
        {
            return error.ToProblem();
        }

        http.Response.Headers.ETag = ETags.Of(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>Query-string shape of <see cref="MatterFilter"/>: <c>?status=accepted&amp;status=concluded&amp;overdue=true</c>.</summary>
    public sealed record MatterQuery(
        string[]? Status, Guid? UnitId, string? Purpose, string? CategoryCode, string? Channel, DateOnly? From, DateOnly? To,
        int? DueWithin, bool? Overdue, string? Q, int? Page, int? PageSize, string? After = null, string? Count = null, string? Problem = null, bool? Spam = null,
        bool? Undelivered = null)
    {
        public Result<MatterFilter> ToFilter()
        {
            var statuses = new List<MatterStatus>();
            foreach (var value in Status ?? [])
            {
                if (!KebabEnum.TryParse<MatterStatus>(value, out var status))
                {
                    return Invalid("status", value);
                }

                statuses.Add(status);
            }

            Purpose? purpose = null;
            if (Purpose is not null)
            {
                if (!KebabEnum.TryParse<Purpose>(Purpose, out var p))
                {
                    return Invalid("purpose", Purpose);
                }

                purpose = p;
            }

            Channel? channel = null;
            if (Channel is not null)
            {
                if (!KebabEnum.TryParse<Channel>(Channel, out var c))
                {
                    return Invalid("channel", Channel);
                }

                channel = c;
            }

            ProblemType? problem = null;
            if (!string.IsNullOrWhiteSpace(Problem) && (problem = ProblemRules.Parse(Problem)) is null)
            {
                return Error.Validation("request.problem-invalid",
                    $"参数 problem 的取值“{Problem}”无法识别，应为 {string.Join("、", ProblemRules.All.Select(t => t.Code()))} 之一。", "problem");
            }

            if (Count is not (null or "exact" or "estimate"))
            {
                return Invalid("count", Count);
            }

            return new MatterFilter([.. statuses], UnitId, purpose, CategoryCode, channel, From, To, DueWithin, Overdue, Q, Page ?? 1, PageSize ?? 50)
            {
                After = string.IsNullOrEmpty(After) ? null : After,
                ExactCount = Count == "exact",
                Problem = problem,
                Spam = Spam,
                Undelivered = Undelivered == true,
            };
        }

        private static Error Invalid(string field, string value) =>
            Error.Validation("request.invalid", $"参数 {field} 的取值“{value}”无法识别。", field);
    }
}
