using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Xinfang</c>.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/xinfang.db";

    public static WebApplicationBuilder AddXinfangDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Xinfang");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActor>();
        // The key is read (or created, 0600) when first needed, not at build time: CLI commands that never save skip it.
        builder.Services.AddSingleton(_ => IdentifierHash.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SearchIndexer>();

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= DefaultSqlite;
                EnsureDirectoryFor(connectionString);
                builder.Services.AddDbContext<XinfangDb, SqliteXinfangDb>((sp, o) => UseSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<SearchIndexer>()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Xinfang is empty.");
                }

                builder.Services.AddDbContext<XinfangDb, PostgresXinfangDb>((sp, o) => UsePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<SearchIndexer>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
        }

        builder.Services.AddSingleton(new DatabaseInfo(provider));

        // Keys in the database, so that several servers share cookies and bearer tokens.
        builder.Services.AddDataProtection().SetApplicationName("Xinfang").PersistKeysToDbContext<XinfangDb>();
        return builder;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(new SqliteConnectionSettings());

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    private static void EnsureDirectoryFor(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && path != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider);

/// <summary>For <c>dotnet ef migrations add … --context SqliteXinfangDb</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteXinfangDb>
{
    public SqliteXinfangDb CreateDbContext(string[] args) => new(
        (DbContextOptions<SqliteXinfangDb>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteXinfangDb>(), DatabaseSetup.DefaultSqlite).Options,
        new AuditActor(new HttpContextAccessor()), TimeProvider.System);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresXinfangDb</c>; no server is needed to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresXinfangDb>
{
    public PostgresXinfangDb CreateDbContext(string[] args) => new(
        (DbContextOptions<PostgresXinfangDb>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresXinfangDb>(), "Host=localhost;Database=xinfang").Options,
        new AuditActor(new HttpContextAccessor()), TimeProvider.System);
}
