using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Routing;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Routing;

public static class RoutingEndpoints
{
    public static RouteGroupBuilder MapRouting(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/routing-rules").WithTags("分流规则");
        group.MapGet("/", (RoutingRules rules, CancellationToken ct) => rules.ListAsync(ct)).RequireAuthorization(Policies.Staff);
        group.MapPost("/", async Task<Results<Created<RoutingRule>, ProblemHttpResult>> (RoutingRuleInput input, RoutingRules rules, CancellationToken ct) =>
            (await rules.SaveAsync(null, input, ct)).TryGet(out var rule, out var error)
                ? TypedResults.Created($"/api/v1/routing-rules/{rule.Id}", rule) : error.ToProblem()).RequireAuthorization(Policies.Admin);
        group.MapPut("/{id:guid}", async Task<Results<Ok<RoutingRule>, ProblemHttpResult>> (Guid id, RoutingRuleInput input, RoutingRules rules, CancellationToken ct) =>
            (await rules.SaveAsync(id, input, ct)).TryGet(out var rule, out var error) ? TypedResults.Ok(rule) : error.ToProblem()).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, RoutingRules rules, CancellationToken ct) =>
            await rules.DeleteAsync(id, ct) is { } error ? error.ToProblem() : TypedResults.NoContent()).RequireAuthorization(Policies.Admin);
        return api;
    }
}
