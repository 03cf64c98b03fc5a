using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>Each provider owns its migration set; a model change without a migration for both must fail here.</summary>
public sealed class MigrationTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task The_model_has_no_changes_without_a_migration(Db db)
    {
        var app = await apps.For(db);

        var pending = await app.WithDbAsync(d => Task.FromResult(d.Database.HasPendingModelChanges()));

        Assert.False(pending, $"The {db} model has changes without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Theory, DatabaseData]
    public async Task Every_migration_is_applied_at_start(Db db)
    {
        var app = await apps.For(db);

        var (pending, applied, all) = await app.WithDbAsync(async d => (
            (await d.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ToList(),
            (await d.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList(),
            d.Database.GetMigrations().ToList()));

        Assert.Empty(pending);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
    }
}
