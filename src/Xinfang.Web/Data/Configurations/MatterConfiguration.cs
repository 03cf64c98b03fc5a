using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data.Configurations;

public sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Number).HasMaxLength(40);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.CategoryCode).HasMaxLength(64);
        builder.Property(m => m.Title).HasMaxLength(Limits.Title);
        builder.Property(m => m.Content).HasMaxLength(Limits.Content);
        builder.PrimitiveCollection(m => m.Demands);
        builder.PrimitiveCollection(m => m.Flags).ElementType().HasConversion<string>();
        builder.Property(m => m.QueryCodeHash).HasMaxLength(64).HasAnnotation(AuditRecorder.Sensitive, true);
        builder.Property(m => m.RoutedTo).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.RoutedBody).HasMaxLength(Limits.RoutedBody);
        builder.Property(m => m.DeclineReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Accused).AsJson();
        builder.Property(m => m.Superior).AsJson();
        builder.Property(m => m.Conclusion).AsJson();
        builder.Property(m => m.Implementation).AsJson();
        builder.Property(m => m.Spam).AsJson();
        builder.Property(m => m.ReviewOpinion).AsJson();
        builder.Property(m => m.RecheckOpinion).AsJson();
        builder.Property(m => m.RepeatCandidates).AsJson();
        builder.Property(m => m.Suggestion).AsJson();

        foreach (var unit in new[] { nameof(Matter.RegisteringUnitId), nameof(Matter.UnitId), nameof(Matter.ReviewBodyId),
                     nameof(Matter.RecheckBodyId), nameof(Matter.ReferredToUnitId), nameof(Matter.LocationUnitId) })
        {
            builder.HasOne<Unit>().WithMany().HasForeignKey(unit).OnDelete(DeleteBehavior.Restrict);
        }

        builder.Property(m => m.NextDueCode).HasMaxLength(48);
        // The lists' order (nearest duty deadline first, then newest) as indexes, so that a page is read in order and
        // stops after pageSize rows: every matter (the search page, overdue and due-soon for the bureau), one status
        // (the registrar's queue), one unit's matters by status (a unit's desk). Sorting by a subquery per matter
        // made the registrar's list quadratic (issue 11).
        builder.HasIndex(m => new { m.NextDueOn, m.ReceivedOn, m.Number }).IsDescending(false, true, true);
        builder.HasIndex(m => new { m.Status, m.NextDueOn, m.ReceivedOn, m.Number }).IsDescending(false, false, true, true);
        builder.HasIndex(m => new { m.UnitId, m.Status, m.NextDueOn });
        builder.HasIndex(m => m.ReceivedOn);
        // The repeat check: earlier matters on the same subject at the same place since a date (MatterWorkflow).
        builder.HasIndex(m => new { m.CategoryCode, m.LocationUnitId, m.ReceivedOn });
        builder.HasIndex(m => m.ReviewBodyId);
        builder.HasIndex(m => m.RecheckBodyId);

        builder.HasMany(m => m.Petitioners).WithOne().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Deadlines).WithOne().HasForeignKey(d => d.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Notices).WithOne().HasForeignKey(n => n.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(m => m.Evaluations, e =>
        {
            e.ToTable("matter_evaluations");
            e.WithOwner().HasForeignKey("MatterId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(v => v.Target).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Rating).HasConversion<string>().HasMaxLength(24);
            e.Property(v => v.Comment).HasMaxLength(1000);
            e.Property(v => v.By).HasMaxLength(128);
            e.Property(v => v.OnBehalf);
            e.Property(v => v.Stage).HasDefaultValue(1);
        });
    }
}

public sealed class PetitionerConfiguration : IEntityTypeConfiguration<Petitioner>
{
    public void Configure(EntityTypeBuilder<Petitioner> builder)
    {
        builder.HasKey(p => p.Id);
        // Ids come from the domain (Guid v7): a new child found in a collection must be inserted, not updated.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        // Encrypted at rest (IdentifierCipher, 等保 confidentiality of personal data): found only through the hashes below.
        builder.Property(p => p.IdNumber).IsEncrypted(18);
        builder.Property(p => p.Phone).IsEncrypted(32);
        builder.Property(p => p.Address).IsEncrypted(Limits.Address);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        // Keyed hashes of the normalised identifiers (Infrastructure.IdentifierHash), set on every save: exact search
        // by ID number, phone or address goes through these, never through the encrypted columns. Shadow properties:
        // the domain knows nothing of the key.
        foreach (var hash in (string[])[IdNumberHash, PhoneHash, AddressHash])
        {
            builder.Property<string>(hash).HasMaxLength(64).HasAnnotation(AuditRecorder.Sensitive, true);
            builder.HasIndex(hash);
        }
    }

    public const string IdNumberHash = "IdNumberHash";
    public const string PhoneHash = "PhoneHash";
    public const string AddressHash = "AddressHash";
}

public sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.HasKey(d => d.Id);
        // Ids come from the domain (Guid v7): a new child found in a collection must be inserted, not updated.
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasMaxLength(48);
        builder.Property(d => d.RuleCode).HasMaxLength(48);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(d => d.IsFixed);
        builder.HasIndex(d => new { d.State, d.DueOn });
        builder.HasIndex(d => new { d.State, d.Provisional });
        // The statistics' cohorts: the clocks of one kind whose due date falls in a period (及时受理率, 按期办结率, 参评率).
        builder.HasIndex(d => new { d.Code, d.DueOn });
    }
}

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasKey(n => n.Id);
        // Ids come from the domain (Guid v7): a new child found in a collection must be inserted, not updated.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Number).HasMaxLength(64);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.Property(n => n.Recipient).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.DeliveryMethod).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.IssuedBy).HasMaxLength(128);
        builder.Property(n => n.Sha256).HasMaxLength(64).IsFixedLength();
        // The statistics count letters (提醒函、督办函) by the day they were issued.
        builder.HasIndex(n => new { n.IssuedOn, n.Kind });
        // A correction (更正) names the notice it replaces, on the same matter (the decision checks it). No foreign key:
        // on SQLite adding one rebuilds the whole table, and notices are never deleted anyway.
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.By).HasMaxLength(128);
        builder.HasIndex(e => new { e.MatterId, e.Id });
        // The statistics count transfers and assignments by the day they were made.
        builder.HasIndex(e => new { e.Action, e.On });
        // The history is itself the matter's record of what happened; the audit trail already covers the row.
        builder.HasAnnotation(AuditRecorder.NotAudited, true);
    }
}
