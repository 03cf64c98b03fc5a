using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Exchange;

/// <summary>
/// <c>GET /api/v1/exchange/export</c> (one matter by <c>matterId</c>, or every matter changed since <c>since</c>) and
/// <c>POST /api/v1/exchange/import</c> (the zip as the request body): the bureau's exchange with the provincial and
/// national petition information systems (docs/exchange/README.md).
/// </summary>
public static class ExchangeEndpoints
{
    public static RouteGroupBuilder MapExchange(this RouteGroupBuilder api)
    {
        var exchange = api.MapGroup("/exchange").WithTags("交换包").RequireAuthorization(Policies.Bureau);
        MapExport(exchange);
        exchange.MapPost("/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult>> (HttpContext http, ExchangeImport import, CancellationToken ct) =>
            {
                // Read to a temporary file first (a zip is read from its end), counting against the cap as it arrives.
                var path = Path.GetTempFileName();
                try
                {
                    await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
                    {
                        if (file.Length + read > import.MaxPackageBytes)
                        {
                            return Error.Validation("exchange.too-large", $"交换包超过上限 {import.MaxPackageBytes / 1024 / 1024} MB。").ToProblem();
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    }

                    file.Position = 0;
                    return (await import.ImportAsync(file, ct)).TryGet(out var result, out var error) ? TypedResults.Ok(result) : error.ToProblem();
                }
                finally
                {
                    File.Delete(path);
                }
            })
            // The body is the zip itself (application/zip). Not declared with Accepts: that would answer 415 before the
            // caller's role is checked, telling a stranger what the endpoint takes.
            .WithDescription("请求体为交换包 zip（Content-Type: application/zip），格式见 docs/exchange/README.md。")
            .DisableAntiforgery();
        return api;
    }

    /// <summary>The browser's copy of the export (the exchange page and the matter page link to it), authenticated by the session cookie.</summary>
    public static WebApplication MapExchangePages(this WebApplication app)
    {
        MapExport(app.MapGroup("/exchange").RequireAuthorization(Policies.Bureau).ExcludeFromDescription());
        return app;
    }

    private static void MapExport(RouteGroupBuilder exchange) =>
        exchange.MapGet("/export", async (Guid? matterId, DateOnly? since, HttpContext http, ExchangeExport export, Staff staff, TimeProvider time, CancellationToken ct) =>
            {
                if (matterId is null && since is null)
                {
                    await Error.Validation("exchange.scope-required", "请指定要导出的事项（matterId）或起始日期（since）。").ToProblem().ExecuteAsync(http);
                    return;
                }

                if (matterId is { } id && !await export.ExistsAsync(id, ct))
                {
                    await Error.NotFound("matter.not-found", "未找到该信访事项。").ToProblem().ExecuteAsync(http);
                    return;
                }

                // The zip is written straight onto the response; ZipArchive finishes each entry with a synchronous write.
                http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                http.Response.ContentType = "application/zip";
                var name = $"xinfang-exchange-{ChinaTime.DateOf(time.GetUtcNow()):yyyyMMdd}.zip";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                await export.WriteAsync(http.Response.Body, matterId, since, staff.UserName, ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
}
