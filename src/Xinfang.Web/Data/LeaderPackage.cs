using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Data;

/// <summary>A leader who takes personal charge of resolving a hard matter (领导包案), with the plan and its progress.</summary>
public sealed class LeaderPackage
{
    public Guid Id { get; set; }

    public Guid MatterId { get; set; }

    public Guid LeaderUserId { get; set; }

    public string Plan { get; set; } = "";

    public DateOnly AssignedOn { get; set; }

    public string AssignedBy { get; set; } = "";

    public List<PackageProgress> Progress { get; set; } = [];

    public DateOnly? ResolvedOn { get; set; }

    public string? Resolution { get; set; }
}

public sealed record PackageProgress(DateOnly On, string Note, string By);

public sealed class LeaderPackageConfiguration : IEntityTypeConfiguration<LeaderPackage>
{
    public void Configure(EntityTypeBuilder<LeaderPackage> builder)
    {
        builder.ToTable("leader_packages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Plan).HasMaxLength(Limits.Note);
        builder.Property(p => p.AssignedBy).HasMaxLength(128);
        builder.Property(p => p.Resolution).HasMaxLength(Limits.Note);
        builder.Property(p => p.Progress).AsJson();
        builder.HasOne<Matter>().WithMany().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.LeaderUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MatterId, p.LeaderUserId }).IsUnique();
    }
}
