using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xinfang.Web.Data;

/// <summary>
/// SQLite lets one connection write at a time. This server's write transactions take turns here, asynchronously and
/// in arrival order, before their BEGIN IMMEDIATE. Without it they collide inside SQLite, and Microsoft.Data.Sqlite
/// answers a busy database by blocking the thread for 150 ms before it tries again: under a few concurrent
/// registrations that sleep, not the work, set the pace. Other processes on the same file (the command line, a second
/// server) still wait for each other, in SQLite's busy handler (<see cref="SqliteConnectionSettings"/>).
/// </summary>
internal static class SqliteWriteGate
{
    /// <summary>As long as Microsoft.Data.Sqlite's default command timeout: a writer stuck longer than that is a fault.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> WaitAsync(string connectionString, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var gate = Gates.GetOrAdd(file == ":memory:" ? connectionString : Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Patience, cancellationToken))
        {
            throw new TimeoutException($"No turn to write to the SQLite database within {Patience.TotalSeconds} s.");
        }

        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

/// <summary>
/// Settings SQLite keeps per connection, applied once to each new connection: FULL synchronisation (a commit is on
/// disk when it returns) and a busy timeout, so that a writer from another process waits inside SQLite rather than in
/// Microsoft.Data.Sqlite's 150 ms retry sleep. WAL mode is a property of the file, set once at start.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)SqliteWriteGate.Patience.TotalMilliseconds};";
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, handle);
    }
}
