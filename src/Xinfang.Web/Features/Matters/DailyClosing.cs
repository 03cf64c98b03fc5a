using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Archives matters whose review or recheck window expired, every hour on the clock of <see cref="TimeProvider"/>.
/// Safe on several servers: <see cref="MatterWorkflow.CloseExpiredAsync"/> runs under the chain lock and is idempotent.
/// </summary>
public sealed class DailyClosing(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyClosing> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("daily-closing");
                var workflow = ActivatorUtilities.CreateInstance<MatterWorkflow>(scope.ServiceProvider, Staff.System);
                var closed = await workflow.CloseExpiredAsync(ChinaTime.DateOf(time.GetUtcNow()), stoppingToken);
                if (closed > 0)
                {
                    logger.LogInformation("Archived {Count} matters whose review or recheck window expired", closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Daily closing failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
