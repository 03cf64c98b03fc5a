using Microsoft.EntityFrameworkCore.Storage;

namespace Xinfang.Web.Data;

/// <summary>
/// The transaction of <see cref="XinfangDb.BeginWriteAsync"/>: hands the write turn on when it commits, rolls back or
/// is disposed, whichever comes first. A failed commit keeps the turn until the transaction is disposed.
/// </summary>
internal sealed class WriteTransaction(IDbContextTransaction inner, IDisposable turn) : IDbContextTransaction
{
    private IDisposable? _turn = turn;

    public Guid TransactionId => inner.TransactionId;

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    public void Commit()
    {
        inner.Commit();
        HandOn();
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await inner.CommitAsync(cancellationToken);
        HandOn();
    }

    public void Rollback()
    {
        inner.Rollback();
        HandOn();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        await inner.RollbackAsync(cancellationToken);
        HandOn();
    }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        inner.Dispose();
        HandOn();
    }

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        HandOn();
    }

    private void HandOn() => Interlocked.Exchange(ref _turn, null)?.Dispose();
}
