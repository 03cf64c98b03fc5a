using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Attachments;

/// <summary>
/// <c>POST /api/v1/matters/{id}/attachments</c> (multipart: <c>file</c>, <c>kind</c>, <c>noticeId</c>), the list, and
/// the content — also under <c>/attachments/{id}/content</c> for the browser, where the session cookie authenticates.
/// </summary>
public static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder api)
    {
        var matters = api.MapGroup("/matters").WithTags("附件").RequireAuthorization(Policies.Staff);
        // The API authenticates with a bearer token, never a cookie, so a cross-site form cannot post here.
        matters.MapPost("/{id:guid}/attachments", async Task<Results<Created<AttachmentView>, ProblemHttpResult>> (
                Guid id, IFormFile? file, [FromForm] string? kind, [FromForm] Guid? noticeId, AttachmentStore store, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return Domain.Shared.Error.Validation("attachment.file-required", "请选择要上传的文件（表单字段 file）。", "file").ToProblem();
                }

                var parsedKind = AttachmentKind.Other;
                if (kind is not null && !KebabEnum.TryParse(kind, out parsedKind))
                {
                    return Domain.Shared.Error.Validation("attachment.kind-invalid",
                        "附件类别应为 letter、delivery-receipt、photo、audio 或 other。", "kind").ToProblem();
                }

                await using var stream = file.OpenReadStream();
                return (await store.UploadAsync(id, new AttachmentUpload(file.FileName, file.Length, stream, parsedKind, noticeId), ct))
                    .TryGet(out var view, out var error)
                    ? TypedResults.Created($"/api/v1/attachments/{view.Id}/content", view)
                    : error.ToProblem();
            })
            .DisableAntiforgery();
        matters.MapGet("/{id:guid}/attachments", async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> (Guid id, AttachmentStore store, CancellationToken ct) =>
            (await store.ListAsync(id, ct)).TryGet(out var list, out var error) ? TypedResults.Ok(list) : error.ToProblem());
        MapContent(api.MapGroup("/attachments").WithTags("附件").RequireAuthorization(Policies.Staff));
        return api;
    }

    public static WebApplication MapAttachmentPages(this WebApplication app)
    {
        MapContent(app.MapGroup("/attachments").RequireAuthorization(Policies.Staff).ExcludeFromDescription());
        return app;
    }

    private static void MapContent(RouteGroupBuilder attachments) =>
        attachments.MapGet("/{id:guid}/content", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, AttachmentStore store, CancellationToken ct) =>
            (await store.ContentAsync(id, ct)).TryGet(out var a, out var error)
                ? TypedResults.File(a.Content, a.ContentType, a.FileName)
                : error.ToProblem());
}
