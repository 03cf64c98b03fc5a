using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

public sealed class PostgresXinfangDb(DbContextOptions<PostgresXinfangDb> options, AuditActor actor, TimeProvider time)
    : XinfangDb(options, actor, time)
{
    /// <summary>Arbitrary, fixed key of the transaction-scoped advisory lock that guards the audit chain head.</summary>
    private const long AuditChainLock = 0x58_46_41_55_44_49_54; // "XFAUDIT"

    /// <summary>Key of the session-scoped advisory lock held while a server applies migrations.</summary>
    private const long MigrationLock = 0x58_46_4D_49_47_52_41; // "XFMIGRA"

    /// <summary>
    /// EF Core's own migration lock is not enough here: it is taken again for each migration's transaction, but the
    /// list of migrations to apply is read once, so a second server starting at the same moment re-applies a
    /// migration the first has just committed (and fails: "function … already exists"). A session-level advisory lock
    /// around the whole run makes the second server wait, then find nothing left to do.
    /// </summary>
    public override async Task ApplyMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var creator = this.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another server created it a moment ago.
            }
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                await Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
}
