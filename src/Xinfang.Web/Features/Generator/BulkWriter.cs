using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Generator;

/// <summary>
/// Writes entities the model maps, in bulk, inside the caller's transaction: one prepared INSERT reused per row on
/// SQLite, binary <c>COPY</c> on PostgreSQL. Tables, columns, conversions (enums as text, JSON columns, dates) come
/// from the EF model, so the rows are the ones SaveChanges would write, without tracking a million entities.
/// Keys the database generates (identity columns) are left to it.
/// </summary>
internal sealed partial class BulkWriter(XinfangDb db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>The columns written for <paramref name="type"/>: every property but a generated integer key.</summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType type) =>
        [.. type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType == typeof(int) || p.ClrType == typeof(long) && p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))];

    /// <param name="value">The value of a property of a row; shadow properties (an owned row's owner key) come from here.</param>
    public async Task WriteAsync<T>(IEntityType type, IReadOnlyCollection<T> rows, Func<T, IProperty, object?> value, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = Columns(type);
        var names = columns.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList();
        var target = _sql.DelimitIdentifier(table.Name, table.Schema);
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            var types = columns.Select(p => StoreTypeModifier().Replace(p.GetRelationalTypeMapping().StoreType, "")).ToList();
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {target} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    var stored = Provider(columns[i], value(row, columns[i]));
                    if (stored is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(stored, types[i], cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
            return;
        }

        // SQLite: one prepared single-row INSERT, executed per row (multi-row statements with thousands of parameters
        // were three times slower to bind). Parameters through the model's mappings, as EF Core binds them.
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {target} ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", value(row, columns[i]), columns[i].IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The value as the database stores it: converted by the property's mapping; a list of enums as text.</summary>
    private static object? Provider(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (property.IsPrimitiveCollection && value is IEnumerable elements)
        {
            return elements.Cast<object>().Select(e => e.ToString()!).ToArray(); // text[]: strings, and enums by name
        }

        return property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    [GeneratedRegex(@"\(.*\)$")]
    private static partial Regex StoreTypeModifier();
}
