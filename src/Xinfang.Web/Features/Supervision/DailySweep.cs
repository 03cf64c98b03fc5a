using Microsoft.Extensions.Options;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Features.Supervision;

/// <summary>
/// Runs the supervision sweep every day at <see cref="SupervisionOptions.SweepAt"/> China time, on the clock of
/// <see cref="TimeProvider"/>. Safe on several servers: the register's unique claim issues each letter once.
/// </summary>
public sealed class DailySweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<DailySweep> logger) : BackgroundService
{
    /// <summary>How long until the next <paramref name="at"/> China time after <paramref name="now"/>.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, TimeOnly at)
    {
        var china = now.ToOffset(ChinaTime.Offset);
        var next = new DateTimeOffset(china.Date + at.ToTimeSpan(), ChinaTime.Offset);
        return (next > china ? next : next.AddDays(1)) - china;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNext(time.GetUtcNow(), options.Value.SweepAt), time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("supervision-sweep");
                var sweep = ActivatorUtilities.CreateInstance<SupervisionSweep>(scope.ServiceProvider);
                var result = await sweep.RunAsync(ChinaTime.DateOf(time.GetUtcNow()), stoppingToken);
                logger.LogInformation("Supervision sweep of {AsOf}: {Reminders} reminders, {Supervisions} supervision letters ({Listed} listed)",
                    result.AsOf, result.Reminders, result.Supervisions, result.Listed);
                if (options.Value.DigestMail)
                {
                    var sent = await scope.ServiceProvider.GetRequiredService<UnitDigests>().SendAllAsync(result.AsOf,
                        scope.ServiceProvider.GetRequiredService<IDigestSender>(), stoppingToken);
                    logger.LogInformation("Supervision digests sent to {Units} units", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Supervision sweep failed; it runs again tomorrow, or on demand (POST /api/v1/supervision/sweep)");
            }
        }
    }
}
