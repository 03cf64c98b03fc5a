using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

public sealed class SqliteXinfangDb(DbContextOptions<SqliteXinfangDb> options, AuditActor actor, TimeProvider time)
    : XinfangDb(options, actor, time)
{
    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE: the writer lock is already held, and SQLite
    // has one writer at a time, so the chain head cannot move under us.
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken) =>
        await SqliteWriteGate.WaitAsync(Database.GetConnectionString()!, cancellationToken);
}
