using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Portal;

/// <summary>
/// <c>/api/v1/public/petitions</c> (API.md "Public portal"): no login; the query code is the key. Every call is
/// behind the per-address rate limit, and the code checks behind <see cref="PortalThrottle"/>'s lockout.
/// </summary>
public static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortal(this RouteGroupBuilder api)
    {
        var petitions = api.MapGroup("/public/petitions").WithTags("网上信访").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        petitions.MapPost("/", SubmitAsync);
        petitions.MapGet("/{number}", async (string number, string? queryCode, PetitionPortal portal, CancellationToken ct) =>
            Respond(await portal.ProgressAsync(number, queryCode, ct)));
        petitions.MapPost("/{number}/evaluations", async (string number, PublicEvaluation body, PetitionPortal portal, CancellationToken ct) =>
            Respond(await portal.EvaluateAsync(number, body, ct)));
        petitions.MapPost("/{number}/review-requests", async (string number, PublicReviewRequest body, PetitionPortal portal, CancellationToken ct) =>
            Respond(await portal.RequestReviewAsync(number, body, ct)));
        petitions.MapGet("/{number}/notices/{id:guid}", async Task<IResult> (string number, Guid id, string? queryCode, PetitionPortal portal, CancellationToken ct) =>
            (await portal.NoticeAsync(number, queryCode, id, ct)).TryGet(out var file, out var error)
                ? TypedResults.File(file.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.FileName)
                : Problem(error));
        return api;
    }

    private static async Task<Results<Created<PublicReceipt>, ProblemHttpResult>> SubmitAsync(
        PublicPetition petition, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, PetitionPortal portal, CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > IdempotencyStore.MaxKeyLength })
        {
            return Error.Validation("idempotency.key-invalid", $"Idempotency-Key 应为 1 到 {IdempotencyStore.MaxKeyLength} 个字符。", "Idempotency-Key").ToProblem();
        }

        var submitted = await portal.SubmitAsync(petition, idempotencyKey, cancellationToken: ct);
        return submitted.TryGet(out var receipt, out var error)
            ? TypedResults.Created($"/api/v1/public/petitions/{receipt.Number}", receipt)
            : Problem(error);
    }

    private static Results<Ok<PortalProgress>, ProblemHttpResult> Respond(Result<PortalProgress> result) =>
        result.TryGet(out var progress, out var error) ? TypedResults.Ok(progress) : Problem(error);

    /// <summary>The lockout and the submission limit answer 429 (API.md conventions), everything else as the error says.</summary>
    private static ProblemHttpResult Problem(Error error)
    {
        var problem = error.ToProblem();
        if (error.Code is "portal.too-many-attempts" or "portal.too-many-submissions")
        {
            problem.ProblemDetails.Status = StatusCodes.Status429TooManyRequests;
            problem.ProblemDetails.Type = "https://tools.ietf.org/html/rfc6585#section-4";
        }

        return problem;
    }
}
