using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>What a file attached to a matter is.</summary>
public enum AttachmentKind
{
    /// <summary>The petitioner's letter or the materials they handed in.</summary>
    Letter,
    /// <summary>A signed 送达回执 or the scan of a signed and sealed notice: linked to its notice.</summary>
    DeliveryReceipt,
    Photo,
    Audio,
    Other,
}

/// <summary>
/// A file on a matter, stored in the database with its SHA-256 (never under the web root), with the type its content
/// showed (not the one its name claimed) and a name cleaned of anything a file system would read as a path.
/// </summary>
public sealed class Attachment
{
    public const int MaxNameLength = 120;

    public Guid Id { get; set; }

    public Guid MatterId { get; set; }

    /// <summary>The notice a signed 送达回执 belongs to.</summary>
    public Guid? NoticeId { get; set; }

    public AttachmentKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";

    public Guid UploadedByUnitId { get; set; }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Matter>().WithMany().HasForeignKey(a => a.MatterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notice>().WithMany().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MatterId);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedBy).HasMaxLength(128);
        // The trail keeps the hash, the name and the size, not a second copy of the file.
        builder.Property(a => a.Content).HasAnnotation(AuditRecorder.Sensitive, true);
    }
}
