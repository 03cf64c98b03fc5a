using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Data;

/// <summary>
/// Small immutable values of a matter (the conclusion, the accused, an opinion, the repeat suggestions) stored as one
/// JSON text column: read and written whole, never queried inside, the same on SQLite and PostgreSQL.
/// </summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(
            v => Write(v),
            v => JsonSerializer.Deserialize<T>(v, MatterJson.Options)!,
            new ValueComparer<T>(
                (a, b) => Write(a) == Write(b),
                v => Write(v).GetHashCode(StringComparison.Ordinal),
                v => v));

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, MatterJson.Options);
}
