using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;

namespace Xinfang.Web.Data.Configurations;

public sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("routing_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CategoryCode).HasMaxLength(64);
        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Flag).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.Ignore(r => r.Specificity);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.TargetUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.LocationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
