using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Xinfang.LoadTest;

/// <summary>
/// The baseline: one small row (a number, a Chinese title, a timestamp) per transaction into a scratch table of the
/// app's own database, through plain ADO.NET, each worker on its own open connection with a prepared statement.
/// </summary>
public abstract class RawInserts : IAsyncDisposable
{
    protected const string Table = "loadtest_raw_insert";
    private const string Title = "冬季供暖不热，要求退费";

    private readonly ConcurrentBag<(DbConnection Connection, DbCommand Insert)> _idle = [];
    private readonly ConcurrentBag<DbConnection> _all = [];

    public static RawInserts For(Provider provider, string connectionString) => provider switch
    {
        Provider.Sqlite => new SqliteRawInserts(connectionString),
        Provider.Postgres => new PostgresRawInserts(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>What the baseline runs with, for the report (journal mode and synchronous setting, fsync, …).</summary>
    public abstract Task<string> DescribeAsync();

    public abstract Task CreateTableAsync();

    public abstract Task DropTableAsync();

    protected abstract Task<DbConnection> OpenAsync();

    protected abstract DbCommand PrepareInsert(DbConnection connection);

    /// <summary>Runs the insert in its own transaction; SQLite needs BEGIN IMMEDIATE, PostgreSQL an autocommit statement is one.</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbCommand insert);

    public async Task<bool> InsertOneAsync(Random random)
    {
        if (!_idle.TryTake(out var worker))
        {
            var connection = await OpenAsync();
            _all.Add(connection);
            worker = (connection, PrepareInsert(connection));
        }

        try
        {
            worker.Insert.Parameters[0].Value = random.NextInt64(1, 1_000_000_000);
            worker.Insert.Parameters[1].Value = Title;
            worker.Insert.Parameters[2].Value = TimeProvider.System.GetUtcNow().UtcDateTime;
            await InsertAsync(worker.Connection, worker.Insert);
            return true;
        }
        catch (DbException e)
        {
            Failures.Report($"raw insert: {e.Message}");
            return false;
        }
        finally
        {
            _idle.Add(worker);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            await connection.DisposeAsync();
        }

        await CloseSourceAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask CloseSourceAsync() => ValueTask.CompletedTask;

    private sealed class SqliteRawInserts(string connectionString) : RawInserts
    {
        protected override async Task<DbConnection> OpenAsync()
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            // Xinfang's settings (WAL, FULL: a commit is on disk when it returns), and a busy timeout so that
            // concurrent writers queue inside SQLite instead of in Microsoft.Data.Sqlite's 150 ms retry sleep.
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync();
            return connection;
        }

        // A connection as the app opens it (no pragmas of ours) shows what the app runs with: journal_mode is
        // persistent, synchronous is per connection (2 = FULL) and busy_timeout is 0 unless the app sets it.
        public override async Task<string> DescribeAsync()
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version() || ', journal_mode=' || (SELECT journal_mode FROM pragma_journal_mode) "
                + "|| ', synchronous=' || (SELECT synchronous FROM pragma_synchronous) || ' on a fresh connection';";
            return "SQLite " + await command.ExecuteScalarAsync() + "; the baseline sets WAL, synchronous=FULL, busy_timeout=30000";
        }

        public override Task CreateTableAsync() => ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {Table} (id INTEGER PRIMARY KEY AUTOINCREMENT, case_no INTEGER NOT NULL, title TEXT NOT NULL, created TEXT NOT NULL);");

        public override Task DropTableAsync() => ExecuteAsync($"DROP TABLE IF EXISTS {Table};");

        protected override DbCommand PrepareInsert(DbConnection connection)
        {
            var insert = (SqliteCommand)connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {Table} (case_no, title, created) VALUES ($n, $t, $c);";
            insert.Parameters.Add("$n", SqliteType.Integer);
            insert.Parameters.Add("$t", SqliteType.Text);
            insert.Parameters.Add("$c", SqliteType.Text);
            insert.Prepare();
            return insert;
        }

        protected override async Task InsertAsync(DbConnection connection, DbCommand insert)
        {
            // BeginTransaction is BEGIN IMMEDIATE in Microsoft.Data.Sqlite, as in the app.
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgresRawInserts(string connectionString) : RawInserts
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        protected override async Task<DbConnection> OpenAsync() => await _source.OpenConnectionAsync();

        protected override ValueTask CloseSourceAsync() => _source.DisposeAsync();

        public override async Task<string> DescribeAsync()
        {
            await using var command = _source.CreateCommand(
                "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')");
            return (string)(await command.ExecuteScalarAsync())!;
        }

        public override Task CreateTableAsync() => ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {Table} (id bigserial PRIMARY KEY, case_no bigint NOT NULL, title text NOT NULL, created timestamptz NOT NULL)");

        public override Task DropTableAsync() => ExecuteAsync($"DROP TABLE IF EXISTS {Table}");

        protected override DbCommand PrepareInsert(DbConnection connection)
        {
            var insert = new NpgsqlCommand($"INSERT INTO {Table} (case_no, title, created) VALUES ($1, $2, $3)", (NpgsqlConnection)connection);
            insert.Parameters.Add(new NpgsqlParameter<long>());
            insert.Parameters.Add(new NpgsqlParameter<string>());
            insert.Parameters.Add(new NpgsqlParameter<DateTime>());
            insert.Prepare();
            return insert;
        }

        // An autocommit statement is its own transaction: one round trip, committed (and flushed) when it returns.
        protected override Task InsertAsync(DbConnection connection, DbCommand insert) => insert.ExecuteNonQueryAsync();

        private async Task ExecuteAsync(string sql)
        {
            await using var command = _source.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }
}
