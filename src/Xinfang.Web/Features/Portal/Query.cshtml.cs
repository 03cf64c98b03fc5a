using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Portal;

/// <summary>
/// 查询进展: number and query code in, the petitioner's own progress out, with the forms for what they may do next
/// (evaluate, request a review or recheck) and their notices to download. Every form posts the number and code again,
/// so the code never appears in an address, a log line or the browser's history.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Public)]
[RequestSizeLimit(64 * 1024)]
public sealed class QueryModel(PetitionPortal portal) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? QueryCode { get; set; }

    [BindProperty]
    public Rating? BureauRating { get; set; }

    [BindProperty]
    public Rating? UnitRating { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? NoticeId { get; set; }

    public PortalProgress? Progress { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await portal.ProgressAsync(Number, QueryCode, cancellationToken), null, cancellationToken);

    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken cancellationToken)
    {
        if (BureauRating is null && UnitRating is null)
        {
            return await ShowAsync(Error.Validation("portal.rating-required", "请至少选择一项评价。", "rating"), cancellationToken);
        }

        var result = default(Result<PortalProgress>);
        foreach (var (target, rating) in new[] { (EvaluationTarget.Bureau, BureauRating), (EvaluationTarget.Unit, UnitRating) })
        {
            if (rating is { } r)
            {
                result = await portal.EvaluateAsync(Number, new PublicEvaluation(QueryCode, target, r, Comment), cancellationToken);
                if (!result.IsSuccess)
                {
                    break;
                }
            }
        }

        return await ShowAsync(result, "感谢您的评价，已记录。", cancellationToken);
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await portal.RequestReviewAsync(Number, new PublicReviewRequest(QueryCode, Reason), cancellationToken),
            "您的请求已提交，复查（复核）机关将在下方所列期限内依法提出意见。", cancellationToken);

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken cancellationToken)
    {
        var notice = await portal.NoticeAsync(Number, QueryCode, NoticeId ?? Guid.Empty, cancellationToken);
        if (!notice.TryGet(out var file, out var error))
        {
            return await ShowAsync(error, cancellationToken);
        }

        return File(file.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.FileName);
    }

    private async Task<IActionResult> ShowAsync(Result<PortalProgress> result, string? message, CancellationToken cancellationToken)
    {
        if (!result.TryGet(out var progress, out var error))
        {
            return await ShowAsync(error, cancellationToken);
        }

        Response.Headers.CacheControl = "no-store";
        (Progress, Message) = (progress, message);
        return Page();
    }

    /// <summary>
    /// A failed code check shows the empty form with the one answer for every failure; any other refusal (a late
    /// request, a second rating) comes after a proved code, so the progress is shown again with the reason above it.
    /// </summary>
    private async Task<IActionResult> ShowAsync(Error error, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Problem = error.Detail;
        if (error.Code is "portal.not-found" or "portal.too-many-attempts")
        {
            Response.StatusCode = error.Code == "portal.not-found" ? StatusCodes.Status404NotFound : StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Progress = (await portal.ProgressAsync(Number, QueryCode, cancellationToken)).Value;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
