using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Categories;

public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategories(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("内容分类");
        group.MapGet("/", (CategoryEditor editor, CancellationToken ct) => editor.TreeAsync(ct)).RequireAuthorization(Policies.Staff);
        group.MapPost("/", async Task<Results<Created<CategoryNode>, ProblemHttpResult>> (CategoryInput input, CategoryEditor editor, CancellationToken ct) =>
            (await editor.SaveAsync(input, creating: true, ct)).TryGet(out var node, out var error)
                ? TypedResults.Created($"/api/v1/categories/{node.Code}", node) : error.ToProblem()).RequireAuthorization(Policies.Admin);
        group.MapPut("/{code}", async Task<Results<Ok<CategoryNode>, ProblemHttpResult>> (string code, CategoryInput input, CategoryEditor editor, CancellationToken ct) =>
            (await editor.SaveAsync(input with { Code = code }, creating: false, ct)).TryGet(out var node, out var error)
                ? TypedResults.Ok(node) : error.ToProblem()).RequireAuthorization(Policies.Admin);
        return api;
    }
}
