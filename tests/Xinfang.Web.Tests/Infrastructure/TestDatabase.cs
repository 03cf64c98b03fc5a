using Microsoft.Data.Sqlite;
using Npgsql;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one application instance: a SQLite file, or a database on the PostgreSQL server that
/// ./test.sh starts (its address in XINFANG_TEST_POSTGRES). Without that server the PostgreSQL tests fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "XINFANG_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    private TestDatabase(Db db, string connectionString, string? sqlitePath, string? postgresName, string? postgresServer)
    {
        Db = db;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
        _postgresServer = postgresServer;
    }

    public Db Db { get; }

    public string ConnectionString { get; }

    public string Provider => Db == Db.Sqlite ? "Sqlite" : "Postgres";

    public static async Task<TestDatabase> CreateAsync(Db db)
    {
        var name = "xf_" + Guid.NewGuid().ToString("N")[..16];
        if (db == Db.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "xinfang-tests");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".db");
            return new TestDatabase(db, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString(), path, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not available: {PostgresVariable} is not set. Run the tests with ./test.sh, which starts a throwaway server.");
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(db, builder.ToString(), null, name, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
