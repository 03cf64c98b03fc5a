using System.Data.Common;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Brings every encrypted column (<see cref="IdentifierCipher.Encrypted"/>) under the current key: values written in
/// the clear before encryption was switched on, and values under an older key after a rotation. Petitioners also get
/// the keyed hashes they lack (the address hash came with encryption). Rows are rewritten with plain SQL, a batch per
/// transaction, without change tracking: the values mean the same before and after, so the audit trail gets one event
/// per batch saying how many rows of which table were re-encrypted, not a change per row.
/// </summary>
public static class IdentifierRewrap
{
    public const int DefaultBatch = 500;

    /// <returns>The number of rows rewritten.</returns>
    public static async Task<int> RunAsync(XinfangDb db, IdentifierHash hash, int batch = DefaultBatch, CancellationToken cancellationToken = default)
    {
        var cipher = db.Cipher ?? throw new InvalidOperationException("No identifier cipher is configured.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var total = 0;
        foreach (var type in db.Model.GetEntityTypes())
        {
            var encrypted = type.GetProperties().Where(p => p.FindAnnotation(IdentifierCipher.Encrypted) is not null).ToList();
            if (encrypted.Count == 0)
            {
                continue;
            }

            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
            var key = Column(type.FindPrimaryKey()!.Properties.Single());
            var hashes = type.ClrType == typeof(Petitioner) ? IdentifierHash.PetitionerColumns : [];
            // Rows with a value not under the current key, or (petitioners) a value without its hash.
            var stale = string.Join(" OR ", encrypted.Select(p => $"({Column(p)} IS NOT NULL AND {Column(p)} NOT LIKE @current)")
                .Concat(hashes.Select(h => $"({Column(type.FindProperty(h.Property)!)} IS NULL AND {Column(encrypted.Single(e => e.Name == h.Source))} IS NOT NULL)")));
            // In key order, after the last row done: a row that stays "stale" (an address of blanks has no hash) is passed once.
            string Select(bool after) => $"SELECT {key}, {string.Join(", ", encrypted.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
                                         + $"WHERE ({stale}){(after ? $" AND {key} > @after" : "")} ORDER BY {key} LIMIT {batch}";
            var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET "
                         + string.Join(", ", encrypted.Concat(hashes.Select(h => type.FindProperty(h.Property)!)).Select((p, i) => $"{Column(p)} = @v{i}")) + $" WHERE {key} = @key";

            object? last = null;
            while (true)
            {
                await using var transaction = await db.BeginWriteAsync(cancellationToken);
                var rows = await ReadAsync(db, Select(last is not null), last, cipher.CurrentKeyId, encrypted.Count, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                foreach (var (rowKey, values) in rows)
                {
                    var plain = values.Select(v => v is null ? null : cipher.Unprotect(v)).ToList();
                    var written = plain.Select(v => v is null ? null : cipher.Protect(v))
                        .Concat(hashes.Select(h => hash.OfStored(h.Kind, plain[encrypted.FindIndex(e => e.Name == h.Source)])));
                    await WriteAsync(db, update, rowKey, written.ToList(), cancellationToken);
                }

                db.RecordEvent("identifiers-rewrapped", type.ClrType.Name, table.Name, $"{rows.Count} 行个人身份信息已用密钥 {cipher.CurrentKeyId} 重新加密");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                total += rows.Count;
                last = rows[^1].Key;
            }
        }

        return total + await RewrapKeyRingAsync(db, cipher, cancellationToken);
    }

    /// <summary>The Data Protection keys encrypted under an older key (<see cref="KeyRingEncryptor"/>), so that sessions outlive the rotation.</summary>
    private static async Task<int> RewrapKeyRingAsync(XinfangDb db, IdentifierCipher cipher, CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var key in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            var xml = XElement.Parse(key.Xml ?? "<none/>");
            var values = xml.Descendants(KeyRingEncryptor.Element).Elements("value").Where(v => !cipher.IsCurrent(v.Value)).ToList();
            foreach (var value in values)
            {
                value.Value = cipher.Protect(cipher.Unprotect(value.Value));
            }

            if (values.Count > 0)
            {
                key.Xml = xml.ToString(SaveOptions.DisableFormatting);
                rewritten++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return rewritten;
    }

    private static async Task<List<(object Key, string?[] Values)>> ReadAsync(XinfangDb db, string select, object? after, string currentKeyId, int columns,
                                                                             CancellationToken cancellationToken)
    {
        await using var command = Command(db, select);
        Add(command, "@current", $"x1:{currentKeyId}:%");
        if (after is not null)
        {
            Add(command, "@after", after);
        }

        var rows = new List<(object, string?[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetValue(0), Enumerable.Range(1, columns).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray()));
        }

        return rows;
    }

    private static async Task WriteAsync(XinfangDb db, string update, object key, List<string?> values, CancellationToken cancellationToken)
    {
        await using var command = Command(db, update);
        Add(command, "@key", key);
        for (var i = 0; i < values.Count; i++)
        {
            Add(command, $"@v{i}", values[i]);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(XinfangDb db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>After start-up, encrypts what an upgrade left in the clear (<see cref="IdentifierRewrap"/>), then stops.</summary>
public sealed class IdentifierRewrapJob(IServiceScopeFactory scopes, ILogger<IdentifierRewrapJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().ActAs("identifier-rewrap");
            var rows = await IdentifierRewrap.RunAsync(scope.ServiceProvider.GetRequiredService<XinfangDb>(), scope.ServiceProvider.GetRequiredService<IdentifierHash>(),
                cancellationToken: stoppingToken);
            if (rows > 0)
            {
                logger.LogInformation("Encrypted the personal identifiers of {Count} rows under the current key", rows);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Encrypting stored personal identifiers failed; run rotate-identifiers to finish");
        }
    }
}
