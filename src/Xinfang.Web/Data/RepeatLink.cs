using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Data;

public enum RepeatDecision
{
    /// <summary>The later matter repeats the earlier one: <see cref="Matter.RepeatOfId"/> is set.</summary>
    Confirmed,

    /// <summary>Not the same matter: the pair is not suggested again.</summary>
    Dismissed,
}

/// <summary>
/// A registrar's decision on a suggested pair (issue 14): which matter repeats which, or that they are unrelated, with
/// the score and reasons shown at the time. <see cref="Matter.RepeatOfId"/> stays the one source of the link itself;
/// this row is the record of who decided what and on which evidence (the audit trail has it too).
/// </summary>
public sealed class RepeatLink
{
    public Guid Id { get; set; }

    /// <summary>The later matter, the one that may be a repeat.</summary>
    public Guid MatterId { get; set; }

    /// <summary>The earlier matter it was compared with.</summary>
    public Guid EarlierMatterId { get; set; }

    public RepeatDecision Decision { get; set; }

    public double Score { get; set; }

    public List<string> Reasons { get; set; } = [];

    /// <summary>办理后仍重复信访: the earlier matter was concluded when the link was confirmed.</summary>
    public bool AfterConclusion { get; set; }

    public string? Note { get; set; }

    public string By { get; set; } = "";

    public DateTime At { get; set; }
}

public sealed class RepeatLinkConfiguration : IEntityTypeConfiguration<RepeatLink>
{
    public void Configure(EntityTypeBuilder<RepeatLink> builder)
    {
        builder.ToTable("repeat_links");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reasons).AsJson();
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.By).HasMaxLength(128);
        builder.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Matter>().WithMany().HasForeignKey(r => r.EarlierMatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MatterId, r.EarlierMatterId }).IsUnique(); // one decision per pair
        builder.HasIndex(r => r.EarlierMatterId);
    }
}
