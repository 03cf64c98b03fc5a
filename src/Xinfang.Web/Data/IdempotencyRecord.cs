using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>The first answer to a registration sent with an <c>Idempotency-Key</c>, kept so that a retry gets the same answer.</summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    public string UserName { get; set; } = "";

    public string Key { get; set; } = "";

    public string RequestHash { get; set; } = "";

    /// <summary>The response, encrypted: it carries the query code, which is otherwise stored only as a hash.</summary>
    public string Response { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

public sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserName, r.Key });
        builder.Property(r => r.UserName).HasMaxLength(128);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}
