using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// After start-up, writes the documents of notices issued before documents were stored (an upgrade, or notices written
/// in bulk by the data generator), a batch at a time, then stops. A notice read before its turn gets its document on
/// that read (<see cref="NoticeDocuments.FillAsync"/>), so nothing waits for the whole backfill.
/// </summary>
public sealed class NoticeDocumentBackfill(IServiceScopeFactory scopes, ILogger<NoticeDocumentBackfill> logger) : BackgroundService
{
    public const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var written = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("notice-backfill");
                var (found, stored) = await NoticeDocuments.BackfillAsync(scope.ServiceProvider.GetRequiredService<XinfangDb>(), BatchSize, stoppingToken);
                if (found == 0)
                {
                    break;
                }

                if (!stored)
                {
                    // Another server is backfilling the same notices; it finishes the job.
                    logger.LogInformation("Notice documents are being written elsewhere; this server stops backfilling");
                    break;
                }

                written += found;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Backfilling notice documents failed after {Count}; each notice still gets its document when first read", written);
        }

        if (written > 0)
        {
            logger.LogInformation("Wrote the documents of {Count} notices issued before documents were stored", written);
        }
    }
}
