using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Features.Audit;

namespace Xinfang.Web.Data;

public sealed class PostgresXinfangDb(DbContextOptions<PostgresXinfangDb> options, AuditActor actor, TimeProvider time)
    : XinfangDb(options, actor, time)
{
    /// <summary>Arbitrary, fixed key of the transaction-scoped advisory lock that guards the audit chain head.</summary>
    private const long AuditChainLock = 0x58_46_41_55_44_49_54; // "XFAUDIT"

    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
}
