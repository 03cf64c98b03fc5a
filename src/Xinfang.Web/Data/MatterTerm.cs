using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// One posting of the search index: matter <see cref="MatterId"/> is found by <see cref="Term"/> in <see cref="Field"/>.
/// Kept by the search indexer on every save that changes what a matter is found by. A plain table rather than FTS5 or
/// a tsvector: the same rows and the same equality lookups on both databases give the same results on both, through
/// EF Core, with no provider-specific query syntax a user could inject operators into (issue 14).
/// </summary>
public sealed class MatterTerm
{
    public Guid MatterId { get; set; }

    public TermField Field { get; set; }

    public string Term { get; set; } = "";
}

public enum TermField
{
    /// <summary>Words of the title, content, demands, opinions and handling notes.</summary>
    Text = 0,

    /// <summary>Every part of a petitioner's name: found only by whoever may know who the petitioner is.</summary>
    Name = 1,

    /// <summary>The matter number and its notices' 文号, whole and by their sequence parts.</summary>
    Number = 2,
}

public sealed class MatterTermConfiguration : IEntityTypeConfiguration<MatterTerm>
{
    public void Configure(EntityTypeBuilder<MatterTerm> builder)
    {
        builder.ToTable("matter_terms");
        // The key is the lookup: a term's postings are one range of the index, already ordered by matter.
        builder.HasKey(t => new { t.Term, t.Field, t.MatterId });
        builder.Property(t => t.Term).HasMaxLength(64);
        builder.Property(t => t.Field).HasConversion<short>();
        builder.HasIndex(t => t.MatterId);
        builder.HasOne<Matter>().WithMany().HasForeignKey(t => t.MatterId).OnDelete(DeleteBehavior.Cascade);
        // Derived from audited columns; recording it again would only repeat them in pieces.
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}
