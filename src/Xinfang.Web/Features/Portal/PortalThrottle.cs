using Microsoft.Extensions.Caching.Memory;

namespace Xinfang.Web.Features.Portal;

/// <summary>
/// Failed query-code checks, counted per client address and per matter number (the login throttle's approach in
/// SignInService: counters in memory, never a lock on the matter itself). After <c>Portal:MaxFailuresPerAddress</c>
/// or <c>Portal:MaxFailuresPerNumber</c> failures the address or the number is refused every code, the right one
/// too, for <c>Portal:LockoutMinutes</c> after the last failure. With a 46-bit code that bounds a guesser to a few
/// hundred tries a day per number: hopeless. Counting by the number as typed, so an unknown number locks exactly as
/// a known one does. The address is the one Transport resolves (ReverseProxy:KnownProxies for a proxy's clients).
/// Submissions are counted per address too (<c>Portal:SubmissionsPerHour</c>).
/// </summary>
public sealed class PortalThrottle(IMemoryCache cache, IConfiguration configuration)
{
    public int MaxFailuresPerAddress { get; } = Math.Max(1, configuration.GetValue("Portal:MaxFailuresPerAddress", 20));

    public int MaxFailuresPerNumber { get; } = Math.Max(1, configuration.GetValue("Portal:MaxFailuresPerNumber", 5));

    public TimeSpan Lockout { get; } = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Portal:LockoutMinutes", 15)));

    public int SubmissionsPerHour { get; } = Math.Max(1, configuration.GetValue("Portal:SubmissionsPerHour", 5));

    public bool IsLocked(string address, string number) =>
        Count(AddressKey(address)) >= MaxFailuresPerAddress || Count(NumberKey(number)) >= MaxFailuresPerNumber;

    /// <summary>Counts a failure; true when it was the one that locked the address or the number.</summary>
    public bool Fail(string address, string number)
    {
        var byAddress = Bump(AddressKey(address), Lockout);
        var byNumber = Bump(NumberKey(number), Lockout);
        return byAddress == MaxFailuresPerAddress || byNumber == MaxFailuresPerNumber;
    }

    /// <summary>The right code clears the number's count, not the address's: a guesser cannot reset it with a matter of their own.</summary>
    public void Succeed(string number) => cache.Remove(NumberKey(number));

    /// <summary>Counts a submission; false once the address has sent its hour's share.</summary>
    public bool TrySubmit(string address)
    {
        var key = "xinfang:portal:submissions:" + address;
        if (Count(key) >= SubmissionsPerHour)
        {
            return false;
        }

        Bump(key, TimeSpan.FromHours(1), slide: false);
        return true;
    }

    private int Count(string key) => cache.Get<Counter>(key)?.Value ?? 0;

    private int Bump(string key, TimeSpan lifetime, bool slide = true)
    {
        // One counter object per key, so concurrent failures add up instead of overwriting each other.
        var counter = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return new Counter();
        })!;
        var value = Interlocked.Increment(ref counter.Value);
        if (slide)
        {
            cache.Set(key, counter, lifetime);
        }

        return value;
    }

    private static string AddressKey(string address) => "xinfang:portal:address:" + address;

    private static string NumberKey(string number) => "xinfang:portal:number:" + number.Trim().ToUpperInvariant();

    private sealed class Counter
    {
        public int Value;
    }
}
