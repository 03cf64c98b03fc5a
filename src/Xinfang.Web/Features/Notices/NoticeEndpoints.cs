using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Matters;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Notices;

/// <summary>
/// <c>/api/v1/notices</c> and <c>/api/v1/notice-templates</c> (API.md "Notices and documents"). The document and the
/// print view are also served under <c>/notices/…</c> for the browser, where the session cookie authenticates.
/// </summary>
public static class NoticeEndpoints
{
    public static RouteGroupBuilder MapNotices(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("文书").RequireAuthorization(Policies.Staff);
        notices.MapGet("/{id:guid}", async Task<Results<Ok<NoticeDetail>, ProblemHttpResult>> (Guid id, NoticeReader reader, CancellationToken ct) =>
            (await reader.GetAsync(id, ct)).TryGet(out var notice, out var error) ? TypedResults.Ok(notice) : error.ToProblem());
        MapDocuments(notices);

        var templates = api.MapGroup("/notice-templates").WithTags("文书模板").RequireAuthorization(Policies.Staff);
        templates.MapGet("/", (TemplateStore store, CancellationToken ct) => store.ListAsync(ct));
        templates.MapGet("/{key}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (string key, TemplateStore store, CancellationToken ct) =>
            (await store.GetAsync(key, ct)).TryGet(out var template, out var error) ? TypedResults.Ok(template) : error.ToProblem());
        templates.MapPut("/{key}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (string key, TemplateInput input, TemplateStore store, CancellationToken ct) =>
            (await store.SaveAsync(key, input, ct)).TryGet(out var template, out var error) ? TypedResults.Ok(template) : error.ToProblem())
            .RequireAuthorization(Policies.Admin);
        templates.MapPost("/{key}/preview", async Task<Results<Ok<PreviewView>, ProblemHttpResult>> (string key, PreviewInput input, TemplatePreview preview, CancellationToken ct) =>
            (await preview.PreviewAsync(key, input, ct)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem())
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    /// <summary>The browser's copies of the document routes, authenticated by the session cookie.</summary>
    public static WebApplication MapNoticePages(this WebApplication app)
    {
        MapDocuments(app.MapGroup("/notices").RequireAuthorization(Policies.Staff).ExcludeFromDescription());
        return app;
    }

    private static void MapDocuments(RouteGroupBuilder notices)
    {
        notices.MapGet("/{id:guid}/document.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, NoticeReader reader, CancellationToken ct) =>
            (await reader.DocxAsync(id, ct)).TryGet(out var docx, out var error)
                ? TypedResults.File(docx.Content, OfficeFiles.Docx, FileName(docx.Notice, docx.Notice.Kind.ToChinese()))
                : error.ToProblem());
        notices.MapGet("/{id:guid}/receipt.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, NoticeReader reader, CancellationToken ct) =>
            (await reader.DeliveryReceiptAsync(id, ct)).TryGet(out var receipt, out var error)
                ? TypedResults.File(DocxWriter.Write(receipt.Document), OfficeFiles.Docx, FileName(receipt.Notice, "送达回执"))
                : error.ToProblem());
        notices.MapGet("/{id:guid}/print", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, NoticeReader reader, CancellationToken ct) =>
            (await reader.DocumentAsync(id, ct)).TryGet(out var printed, out var error)
                ? TypedResults.Content(HtmlWriter.Write(printed.Document, $"{printed.Notice.Kind.ToChinese()} {printed.Notice.Number}",
                    $"/notices/{id}/document.docx", $"/matters/{printed.Notice.MatterId}"), "text/html; charset=utf-8")
                : error.ToProblem());
    }

    private static string FileName(Notice notice, string what) =>
        $"{new string(notice.Number.Where(c => !Path.GetInvalidFileNameChars().Contains(c)).ToArray())}-{what}.docx";
}
