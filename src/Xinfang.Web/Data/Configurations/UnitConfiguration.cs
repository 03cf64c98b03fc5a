using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Organisation;

namespace Xinfang.Web.Data.Configurations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(64);
        builder.Property(u => u.Abbreviation).HasMaxLength(64);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ReviewBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
