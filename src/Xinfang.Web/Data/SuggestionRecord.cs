using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;

namespace Xinfang.Web.Data;

/// <summary>
/// One entry of the 三项建议 register (《信访工作条例》第四十条): kind, receiving unit, related matters, content, the
/// 建议书 issued as a notice of the first related matter, and the unit's written feedback on adoption.
/// </summary>
public sealed class Suggestion
{
    public Guid Id { get; set; }

    public SuggestionKind Kind { get; set; }

    public Guid TargetUnitId { get; set; }

    public List<Guid> MatterIds { get; set; } = [];

    public string Content { get; set; } = "";

    public DateOnly SentOn { get; set; }

    public DateOnly FeedbackDueOn { get; set; }

    /// <summary>The 建议书 (<see cref="NoticeKind.SuggestionLetter"/>), its document stored with the notice.</summary>
    public Guid NoticeId { get; set; }

    public string Number { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public bool? Adopted { get; set; }

    public string? FeedbackNote { get; set; }

    public DateOnly? FeedbackOn { get; set; }

    public string? FeedbackBy { get; set; }

    public int Version { get; set; }
}

public sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("suggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.MatterIds).AsJson();
        builder.Property(s => s.Content).HasMaxLength(Suggestions.MaxContent);
        builder.Property(s => s.Number).HasMaxLength(64);
        builder.Property(s => s.CreatedBy).HasMaxLength(128);
        builder.Property(s => s.FeedbackNote).HasMaxLength(Suggestions.MaxContent);
        builder.Property(s => s.FeedbackBy).HasMaxLength(128);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Notice>().WithMany().HasForeignKey(s => s.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SentOn);
        builder.HasIndex(s => new { s.TargetUnitId, s.SentOn });
    }
}
