using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Xinfang.Web.Data.Audit;

/// <summary>
/// Turns the tracked changes of one SaveChanges into audit rows (before and after values). Entity types annotated
/// <see cref="NotAudited"/> are skipped; properties annotated <see cref="Sensitive"/> are recorded as changed
/// without their values, so the trail never becomes a second copy of ID numbers and password hashes.
/// </summary>
public static class AuditRecorder
{
    public const string NotAudited = "Xinfang:NotAudited";
    public const string Sensitive = "Xinfang:Sensitive";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static List<AuditEntry> Collect(ChangeTracker tracker, string actor, DateTime at)
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.Metadata.FindAnnotation(NotAudited) is not null)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "insert",
                EntityState.Modified => "update",
                EntityState.Deleted => "delete",
                _ => null,
            };
            if (action is null)
            {
                continue;
            }

            var changed = entry.Properties.Where(p => entry.State != EntityState.Modified || p.IsModified).ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }

            rows.Add(new AuditEntry
            {
                At = at,
                Actor = actor,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Serialize(changed, p => p.OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Serialize(changed, p => p.CurrentValue),
            });
        }

        return rows;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Serialize(List<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            if (IsSkipped(p.Metadata))
            {
                continue;
            }

            values[p.Metadata.Name] = p.Metadata.FindAnnotation(Sensitive) is null ? value(p) : "***";
        }

        return JsonSerializer.Serialize(values, Json);
    }

    // Identity's concurrency stamp changes on every write and says nothing about what happened.
    private static bool IsSkipped(IProperty property) => property.Name is "ConcurrencyStamp";
}
