using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// The register of supervision letters: one row per (matter, clock, kind, level), kept unique by the database so
/// that the sweep claims a letter by inserting its row (INSERT … ON CONFLICT DO NOTHING) and only a claim that went
/// in is numbered and issued. Two servers sweeping at once therefore issue each letter once. The letter itself is the
/// notice with the same id (numbered, stored, audited like every notice); this row is its index, so it is not
/// audited a second time. A letter is open while its clock is: when the matter moves on and the clock closes, so do
/// its letters (read from the deadline, never copied, so it cannot go stale).
/// </summary>
public sealed class SupervisionLetterRecord
{
    /// <summary>The id of the notice that carries the letter.</summary>
    public Guid Id { get; set; }

    public Guid MatterId { get; set; }

    /// <summary>The clock (<see cref="Deadline"/>) the letter is about.</summary>
    public Guid DeadlineId { get; set; }

    /// <summary>The clock's code (<c>handling</c>, <c>dispose</c>, …), for lists.</summary>
    public string Clock { get; set; } = "";

    public LetterKind Kind { get; set; }

    /// <summary>0 for a reminder, 1 for a 督办函, 2 for 挂牌督办.</summary>
    public int Level { get; set; }

    /// <summary>The responsible unit the letter went to.</summary>
    public Guid UnitId { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>The clock's due date when the letter was issued.</summary>
    public DateOnly DueOn { get; set; }

    public int OverdueWorkingDays { get; set; }
}

/// <summary>A phone reminder (电话催办) logged by hand: when, to whom, what was said (REFERENCE.md 4.6).</summary>
public sealed class PhoneReminder
{
    public Guid Id { get; set; }

    public Guid MatterId { get; set; }

    public DateTime CalledAt { get; set; }

    public string Callee { get; set; } = "";

    public string Content { get; set; } = "";

    public string By { get; set; } = "";
}

public sealed class SupervisionLetterConfiguration : IEntityTypeConfiguration<SupervisionLetterRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionLetterRecord> builder)
    {
        builder.ToTable("supervision_letters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Clock).HasMaxLength(48);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Matter>().WithMany().HasForeignKey(l => l.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Deadline>().WithMany().HasForeignKey(l => l.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        // The claim: the sweep's INSERT … ON CONFLICT names exactly these columns.
        builder.HasIndex(l => new { l.MatterId, l.DeadlineId, l.Kind, l.Level }).IsUnique();
        builder.HasIndex(l => new { l.UnitId, l.IssuedOn });
        builder.HasIndex(l => l.IssuedOn);
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}

public sealed class PhoneReminderConfiguration : IEntityTypeConfiguration<PhoneReminder>
{
    public void Configure(EntityTypeBuilder<PhoneReminder> builder)
    {
        builder.ToTable("phone_reminders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Callee).HasMaxLength(Limits.Name);
        builder.Property(p => p.Content).HasMaxLength(Limits.Note);
        builder.Property(p => p.By).HasMaxLength(128);
        builder.HasOne<Matter>().WithMany().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.MatterId, p.CalledAt });
    }
}
