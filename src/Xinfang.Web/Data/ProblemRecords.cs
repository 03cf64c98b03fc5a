using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// A problem type that applies to a matter (集中督查督办), as <see cref="ProblemRules.Decide"/> decided it on
/// <see cref="DecidedOn"/>: stored so that every list can filter by it with an index (<c>GET /matters?problem=</c>)
/// rather than re-deciding a million matters per request. Rewritten in the transaction of every change of the matter
/// and by the daily sweep on the day time alone could change it (<see cref="ProblemCheck"/>). Derived data: not
/// audited (the matter's own history is).
/// </summary>
public sealed class MatterProblem
{
    public Guid MatterId { get; set; }

    public ProblemType Type { get; set; }

    /// <summary>The facts that show it, as the domain wrote them.</summary>
    public string Evidence { get; set; } = "";

    public DateOnly DecidedOn { get; set; }
}

/// <summary>When a matter's problems were last decided, and the day time alone could change them (null: only a new step can).</summary>
public sealed class ProblemCheck
{
    public Guid MatterId { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DateOnly? RecheckOn { get; set; }
}

public sealed class MatterProblemConfiguration : IEntityTypeConfiguration<MatterProblem>
{
    public void Configure(EntityTypeBuilder<MatterProblem> builder)
    {
        builder.ToTable("matter_problems");
        builder.HasKey(p => new { p.MatterId, p.Type });
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Evidence).HasMaxLength(4000);
        builder.HasOne<Matter>().WithMany().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        // "Which matters have this problem": the list's filter and the supervision page's counts enter here.
        builder.HasIndex(p => new { p.Type, p.MatterId });
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}

public sealed class ProblemCheckConfiguration : IEntityTypeConfiguration<ProblemCheck>
{
    public void Configure(EntityTypeBuilder<ProblemCheck> builder)
    {
        builder.ToTable("problem_checks");
        builder.HasKey(c => c.MatterId);
        builder.HasOne<Matter>().WithMany().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.RecheckOn);
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}
