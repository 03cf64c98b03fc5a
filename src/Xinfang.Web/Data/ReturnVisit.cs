using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Data;

/// <summary>
/// 回访: a 不满意 rating puts a return visit on the desk of the unit rated, with a due date. Its problem type is
/// 实体处理不到位 (REFERENCE.md §4.14), the group concentrated supervision counts it under.
/// </summary>
public sealed class ReturnVisit
{
    public const string ProblemTypeSubstance = "实体处理不到位";

    public Guid Id { get; set; }

    public Guid MatterId { get; set; }

    public string MatterNumber { get; set; } = "";

    /// <summary>The unit rated 不满意: the bureau for its own rating, otherwise the unit whose opinion was rated.</summary>
    public Guid UnitId { get; set; }

    public EvaluationTarget Target { get; set; }

    public int Stage { get; set; }

    public DateOnly RatedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string ProblemType { get; set; } = ProblemTypeSubstance;

    public DateOnly? DoneOn { get; set; }

    public string? Note { get; set; }

    public string? DoneBy { get; set; }

    public int Version { get; set; }
}

public sealed class ReturnVisitConfiguration : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> builder)
    {
        builder.ToTable("return_visits");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.MatterNumber).HasMaxLength(40);
        builder.Property(r => r.Target).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ProblemType).HasMaxLength(40);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.DoneBy).HasMaxLength(128);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UnitId, r.DoneOn, r.DueOn }); // the unit's desk: open visits by due date
        builder.HasIndex(r => r.MatterId);
    }
}
