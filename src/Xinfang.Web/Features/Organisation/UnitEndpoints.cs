using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Organisation;

public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("组织机构");
        units.MapGet("/", (UnitEditor editor, CancellationToken ct) => editor.ListAsync(ct)).RequireAuthorization(Policies.Staff);
        units.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        units.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Created<UnitView>, ProblemHttpResult>> CreateAsync(UnitInput input, UnitEditor editor, CancellationToken ct)
    {
        var result = await editor.CreateAsync(input, ct);
        return result.TryGet(out var unit, out var error) ? TypedResults.Created($"/api/v1/units/{unit.Id}", unit) : error.ToProblem();
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> UpdateAsync(Guid id, UnitInput input, HttpRequest request, UnitEditor editor, CancellationToken ct)
    {
        var result = await editor.UpdateAsync(id, input, ETags.Parse(request), ct);
        return result.TryGet(out var unit, out var error) ? TypedResults.Ok(unit) : error.ToProblem();
    }
}
