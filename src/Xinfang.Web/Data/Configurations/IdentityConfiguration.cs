using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data.Configurations;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.HasOne<Domain.Organisation.Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.UnitId);
        builder.Property(u => u.PasswordHash).HasAnnotation(AuditRecorder.Sensitive, true);
        builder.Property(u => u.SecurityStamp).HasAnnotation(AuditRecorder.Sensitive, true);
    }
}

public sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) =>
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) =>
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
}
