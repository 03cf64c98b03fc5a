using System.Globalization;

namespace Xinfang.LoadTest;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>The command line of the load client; every option has a default except the URL and the connection string.</summary>
public sealed record LoadOptions(
    Uri Url,
    Provider Provider,
    string ConnectionString,
    string AdminPassword,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    double? OpenLoopRate,
    bool IdempotencyKeys,
    bool Header)
{
    public const string Usage = """
        usage: Xinfang.LoadTest --url http://127.0.0.1:5080 --provider sqlite|postgres --connection "<same database as the app>"
                                [--admin-password P (default: $Bootstrap__AdminPassword)] [--duration 20] [--warmup 5]
                                [--concurrency 16] [--rate R (open loop; default: half the measured maximum)]
                                [--no-idempotency-key] [--header]
        """;

    public static LoadOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--header" or "--no-idempotency-key")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"unexpected argument: {args[i]}");
                return null;
            }
        }

        var password = values.GetValueOrDefault("--admin-password") ?? Environment.GetEnvironmentVariable("Bootstrap__AdminPassword");
        if (!values.TryGetValue("--url", out var url) || !values.TryGetValue("--connection", out var connection) || string.IsNullOrEmpty(password)
            || !Enum.TryParse<Provider>(values.GetValueOrDefault("--provider", "sqlite"), ignoreCase: true, out var provider))
        {
            return null;
        }

        return new LoadOptions(new Uri(url), provider, connection, password,
            Seconds(values, "--duration", 20), Seconds(values, "--warmup", 5),
            int.Parse(values.GetValueOrDefault("--concurrency", "16"), CultureInfo.InvariantCulture),
            values.TryGetValue("--rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            !flags.Contains("--no-idempotency-key"), flags.Contains("--header"));
    }

    private static TimeSpan Seconds(Dictionary<string, string> values, string name, double fallback) =>
        TimeSpan.FromSeconds(values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback);
}
