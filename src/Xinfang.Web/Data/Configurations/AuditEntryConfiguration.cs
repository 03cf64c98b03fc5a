using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data.Configurations;

/// <summary>Triggers that refuse UPDATE and DELETE on this table come from the AuditAppendOnly migrations (raw SQL).</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.Actor).HasMaxLength(128);
        builder.Property(a => a.Action).HasMaxLength(48);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(128);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}
