namespace Xinfang.Web.Features.Portal;

/// <summary>
/// Sends a text message to a petitioner. The default only writes it to the log: a bureau plugs in its SMS gateway by
/// registering another implementation (the message carries the query code, so the log must be kept as confidential).
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> log) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        log.LogInformation("SMS to {Phone}: {Text}", Domain.Intake.Mask.Phone(phone), text);
        return Task.CompletedTask;
    }
}
