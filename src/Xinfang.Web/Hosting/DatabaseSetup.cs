using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
        builder.Services.AddSingleton(_ => IdentifierCipher.FromConfiguration(builder.Configuration));
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
        // ... and encrypted there with the identifier key ring, which is not (Data.KeyRingCipher).
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<IdentifierCipher>())));
        return builder;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(new SqliteConnectionSettings())
            .ReplaceService<IModelCacheKeyFactory, CipherModelCacheKey>();

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention().ReplaceService<IModelCacheKeyFactory, CipherModelCacheKey>();

    /// <summary>
    /// Creates the database file's folder (0700) and the file itself (0600) before SQLite does, which would make it
    /// readable by every account on the machine (0644). SQLite gives its -wal and -shm files the mode of the database.
    /// </summary>
    private static void EnsureDirectoryFor(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return;
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        try
        {
            // An empty file is an empty database to SQLite.
            using var _ = new FileStream(full, KeyFile.OwnerOnly(FileMode.CreateNew, FileAccess.Write));
        }
        catch (IOException) when (File.Exists(full))
        {
            // Already there (every start after the first, or another server was first).
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
