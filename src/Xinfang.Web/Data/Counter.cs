using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// Gap-free sequences (matter numbers per registering unit and year, document numbers per unit, kind and year).
/// The increment happens inside the caller's transaction: a rollback gives the number back, and the row lock keeps
/// two registrations from drawing the same one.
/// </summary>
public sealed class Counter
{
    public string Scope { get; set; } = "";

    public long Value { get; set; }

    public static async Task<long> NextAsync(XinfangDb db, string scope, CancellationToken cancellationToken = default)
    {
        // One statement on both providers: SQLite ≥ 3.35 and PostgreSQL both have INSERT … ON CONFLICT … RETURNING.
        var values = await db.Database
            .SqlQuery<long>($"INSERT INTO counters (scope, value) VALUES ({scope}, 1) ON CONFLICT (scope) DO UPDATE SET value = counters.value + 1 RETURNING value AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values.Single();
    }

    /// <summary>
    /// Draws <paramref name="count"/> consecutive numbers at once (a batch of letters): the last of them is returned,
    /// so the run is last − count + 1 … last. One statement, however many documents the batch numbers.
    /// </summary>
    public static async Task<long> ReserveAsync(XinfangDb db, string scope, int count, CancellationToken cancellationToken = default)
    {
        var values = await db.Database
            .SqlQuery<long>($"INSERT INTO counters (scope, value) VALUES ({scope}, {count}) ON CONFLICT (scope) DO UPDATE SET value = counters.value + {count} RETURNING value AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}

public sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("counters");
        builder.HasKey(c => c.Scope);
        builder.Property(c => c.Scope).HasMaxLength(128);
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}
