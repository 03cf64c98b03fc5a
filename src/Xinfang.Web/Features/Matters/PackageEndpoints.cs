using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

public static class PackageEndpoints
{
    public static RouteGroupBuilder MapPackages(this RouteGroupBuilder api)
    {
        api.MapPost("/matters/{id:guid}/packages", async Task<Results<Created<PackageView>, ProblemHttpResult>> (
                Guid id, PackageInput input, LeaderPackages packages, CancellationToken ct) =>
            (await packages.AssignAsync(id, input, ct)).TryGet(out var view, out var error)
                ? TypedResults.Created($"/api/v1/packages/{view.Id}", view) : error.ToProblem())
            .WithTags("领导包案").RequireAuthorization(Policies.Staff);
        api.MapGet("/matters/{id:guid}/packages", (Guid id, LeaderPackages packages, CancellationToken ct) => packages.ForMatterAsync(id, ct))
            .WithTags("领导包案").RequireAuthorization(Policies.Staff);

        var group = api.MapGroup("/packages").WithTags("领导包案").RequireAuthorization(Policies.Staff);
        group.MapGet("/mine", (LeaderPackages packages, CancellationToken ct) => packages.MineAsync(ct));
        group.MapPost("/{id:guid}/progress", async Task<Results<Ok<PackageView>, ProblemHttpResult>> (Guid id, PackageNote note, LeaderPackages packages, CancellationToken ct) =>
            (await packages.NoteAsync(id, note, resolve: false, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem());
        group.MapPost("/{id:guid}/resolve", async Task<Results<Ok<PackageView>, ProblemHttpResult>> (Guid id, PackageNote note, LeaderPackages packages, CancellationToken ct) =>
            (await packages.NoteAsync(id, note, resolve: true, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem());
        return api;
    }
}
