using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Accounts;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("用户").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (UserEditor editor, CancellationToken ct) => editor.ListAsync(ct));
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        return api;
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateAsync(UserInput input, UserEditor editor, CancellationToken ct)
    {
        var result = await editor.CreateAsync(input, ct);
        return result.TryGet(out var user, out var error) ? TypedResults.Created($"/api/v1/users/{user.Id}", user) : error.ToProblem();
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UpdateAsync(Guid id, UserInput input, UserEditor editor, CancellationToken ct)
    {
        var result = await editor.UpdateAsync(id, input, ct);
        return result.TryGet(out var user, out var error) ? TypedResults.Ok(user) : error.ToProblem();
    }
}
