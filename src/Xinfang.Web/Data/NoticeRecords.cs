using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// One version of the wording of a kind of document. Versions are only ever added: an edit is a new version, and an
/// issued notice keeps the version it was written with (<see cref="NoticeDocument.TemplateId"/>).
/// </summary>
public sealed class NoticeTemplateRecord
{
    public Guid Id { get; set; }

    /// <summary>The kind it is for, e.g. <c>handling-opinion</c> or the variant <c>route-notice.litigation</c> (<see cref="NoticeFields.TemplateKeys"/>).</summary>
    public string Key { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Addressee { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public NoticeTemplateText Text => new(Title, Addressee, Body);
}

/// <summary>
/// The Word document of an issued notice, written once when the notice is issued and never again (the issue is final):
/// every download returns these bytes, whatever happens to the template later. Its SHA-256 goes into the audit trail
/// with the row; a correction is a new notice.
/// </summary>
public sealed class NoticeDocument
{
    public Guid NoticeId { get; set; }

    /// <summary>The template version it was written with.</summary>
    public Guid TemplateId { get; set; }

    public byte[] Content { get; set; } = [];

    public string Sha256 { get; set; } = "";

    public int Length { get; set; }
}

public sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplateRecord>
{
    public void Configure(EntityTypeBuilder<NoticeTemplateRecord> builder)
    {
        builder.ToTable("notice_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.HasIndex(t => new { t.Key, t.Version }).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(NoticeTemplates.MaxTitle);
        builder.Property(t => t.Addressee).HasMaxLength(NoticeTemplates.MaxAddressee);
        builder.Property(t => t.Body).HasMaxLength(NoticeTemplates.MaxBody);
        builder.Property(t => t.CreatedBy).HasMaxLength(128);
        builder.Ignore(t => t.Text);
    }
}

public sealed class NoticeDocumentConfiguration : IEntityTypeConfiguration<NoticeDocument>
{
    public void Configure(EntityTypeBuilder<NoticeDocument> builder)
    {
        builder.ToTable("notice_documents");
        builder.HasKey(d => d.NoticeId);
        builder.HasOne<Notice>().WithOne().HasForeignKey<NoticeDocument>(d => d.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoticeTemplateRecord>().WithMany().HasForeignKey(d => d.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        // The trail records the hash and the length, not a second copy of the document.
        builder.Property(d => d.Content).HasAnnotation(AuditRecorder.Sensitive, true);
    }
}
