using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Calendar;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Notices;
using Xinfang.Web.Features.Organisation;
using Xinfang.Web.Features.Routing;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Hosting;

/// <summary>
/// First start and every start: apply migrations, then let each feature seed what an empty database needs — the
/// organisation tree, the calendar and period rules, categories, routing rules, the roles and a first administrator.
/// Each step checks before it writes, so it is safe on every start and on several servers starting at once (migrations
/// run under a lock, see XinfangDb.ApplyMigrationsAsync; the seed runs in one transaction under the audit chain lock).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditActor>().ActAs("setup");
        var db = sp.GetRequiredService<XinfangDb>();
        await db.ApplyMigrationsAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while a registration commits. It is a property of the file, so once is enough;
            // synchronous=FULL is one of each connection, set as it opens (SqliteConnectionSettings).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await PlannerStatistics.OptimizeAsync(db, cancellationToken);

        // One transaction under the chain lock: a second server starting at the same time waits, then finds it all
        // there (checking and creating the roles or the administrator outside it let two servers both create them).
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        // Each feature seeds its own reference data, in the order the data depends on each other.
        await YanliangOrganisation.SeedAsync(db, cancellationToken);
        await ClockSeeding.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await CategoryEditor.SeedAsync(db, cancellationToken);
        await RoutingRules.SeedAsync(db, cancellationToken);
        await TemplateStore.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await AccountSeeding.SeedAsync(sp, YanliangOrganisation.BureauCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await SearchBackfill.RunAsync(db, sp.GetRequiredService<IdentifierHash>(), cancellationToken);
    }
}
