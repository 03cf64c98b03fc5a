using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Audit;

/// <summary>The audit trail for the auditor and the security administrator (等保 安全审计; see SECURITY.md).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计").RequireAuthorization(Policies.Audit);
        audit.MapGet("/", async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ([AsParameters] AuditQuery q, AuditTrail trail, CancellationToken ct) =>
                q.Check() is { } error ? error.ToProblem() : TypedResults.Ok(await trail.ListAsync(q, ct)))
            .WithSummary("查阅审计记录（按操作人、操作、对象、事项、日期筛选，按序号倒序，after= 翻页）");
        audit.MapGet("/export.xlsx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> ([AsParameters] AuditQuery q, AuditTrail trail, CancellationToken ct) =>
                q.Check() is { } error ? error.ToProblem()
                : (await trail.ExportAsync(q, ct)).TryGet(out var file, out var refused) ? TypedResults.File(file, OfficeFiles.Xlsx, "审计记录.xlsx")
                : refused.ToProblem())
            .WithSummary("导出审计记录（Excel，导出本身记入审计）");
        audit.MapGet("/verify", (AuditTrail trail, CancellationToken ct) => trail.VerifyAsync(ct))
            .WithSummary("校验审计链（逐条核对哈希）");
        return api;
    }
}
