using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// In how many matters each word occurs, for the TF-IDF weights of repeat detection, counted from the search index
/// (<c>matter_terms</c>) and kept in memory. Counting is a scan of the index, so it is done at most once per
/// <see cref="Lifetime"/> and, once there is a count, in the background while the last one keeps serving: the
/// weights move slowly and a lookup must not wait for them. Words seen in one matter only are left out (taken as the
/// rarest, which they are).
/// </summary>
public sealed class WordFrequencies(IServiceScopeFactory scopes, TimeProvider time, ILogger<WordFrequencies> log) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    private sealed record Snapshot(DocumentFrequencies Frequencies, DateTimeOffset Counted);

    public async Task<DocumentFrequencies> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            if (time.GetUtcNow() - current.Counted > Lifetime && _loading.CurrentCount > 0)
            {
                _ = Task.Run(() => RefreshAsync(CancellationToken.None), CancellationToken.None);
            }

            return current.Frequencies;
        }

        await RefreshAsync(cancellationToken);
        return _current?.Frequencies ?? DocumentFrequencies.Uniform;
    }

    public void Dispose() => _loading.Dispose();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && time.GetUtcNow() - fresh.Counted <= Lifetime)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
            var documents = await db.Matters.CountAsync(cancellationToken);
            var counts = await db.Set<MatterTerm>().AsNoTracking().Where(t => t.Field == TermField.Text)
                .GroupBy(t => t.Term).Select(g => new { g.Key, Count = g.Count() }).Where(g => g.Count > 1)
                .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
            _current = new Snapshot(new DocumentFrequencies(documents, counts), time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException && _current is not null)
        {
            log.LogWarning(e, "Counting word frequencies failed; the previous count stays in use.");
        }
        finally
        {
            _loading.Release();
        }
    }
}
