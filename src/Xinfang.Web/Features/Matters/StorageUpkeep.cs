using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Every hour: removes the idempotency records older than <c>Idempotency:RetentionHours</c> (they were 4.7 KB per
/// registration, kept forever), and refreshes SQLite's planner statistics (<see cref="PlannerStatistics"/>).
/// Idempotent, so several servers may run it at once.
/// </summary>
public sealed class StorageUpkeep(IServiceScopeFactory scopes, TimeProvider time, ILogger<StorageUpkeep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Removed {Count} expired idempotency records", purged);
                }

                await PlannerStatistics.OptimizeAsync(scope.ServiceProvider.GetRequiredService<XinfangDb>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Storage upkeep failed; it runs again in {Interval}", Interval);
            }
        }
    }
}
