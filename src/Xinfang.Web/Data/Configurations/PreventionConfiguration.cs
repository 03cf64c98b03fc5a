using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Prevention;

namespace Xinfang.Web.Data.Configurations;

public sealed class LedgerTopicConfiguration : IEntityTypeConfiguration<LedgerTopic>
{
    public void Configure(EntityTypeBuilder<LedgerTopic> builder)
    {
        builder.ToTable("ledger_topics");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.Property(t => t.Name).HasMaxLength(32);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasIndex(t => t.Name).IsUnique();
        // Fixed ids, so that both providers' migrations seed the same rows.
        builder.HasData(LedgerTopics.Seed.Select((t, i) => new LedgerTopic { Id = SeedId(i), Code = t.Code, Name = t.Name, SortOrder = (i + 1) * 10 }));
    }

    public static Guid SeedId(int index) => new($"6c1a0000-0000-4000-8000-{index + 1:D12}");
}

public sealed class LedgerItemConfiguration : IEntityTypeConfiguration<LedgerItem>
{
    public void Configure(EntityTypeBuilder<LedgerItem> builder)
    {
        builder.ToTable("ledger_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(LedgerRules.TitleLength);
        builder.Property(i => i.Description).HasMaxLength(LedgerRules.TextLength);
        builder.Property(i => i.People).HasMaxLength(LedgerRules.TextLength);
        builder.Property(i => i.Measures).HasMaxLength(LedgerRules.TextLength);
        builder.Property(i => i.ResponsiblePerson).HasMaxLength(LedgerRules.NameLength);
        builder.Property(i => i.Leader).HasMaxLength(LedgerRules.NameLength);
        // Like a petitioner's, a contact's phone and ID number never reach the audit trail or its exports.
        builder.Property(i => i.ContactPhone).IsEncrypted(32);
        builder.Property(i => i.ContactIdNumber).IsEncrypted(18);
        builder.Property(i => i.CreatedBy).HasMaxLength(128);
        builder.Property(i => i.Amount).HasPrecision(14, 2);
        builder.Property(i => i.Risk).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Updates).AsJson();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<LedgerTopic>().WithMany().HasForeignKey(i => i.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.LocationUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.ReportingUnitId).OnDelete(DeleteBehavior.Restrict);
        // The analysis reads indexes only, never rows (BENCHMARKS.md, "Prevention"). A period's counts by topic, by
        // responsible unit and by risk each come from an index that leads with that column and then the date: SQLite
        // skip-scans the date range of each value and needs no sort (one GROUP BY over all three columns sorted 50,000
        // entries and took four times a plain count); PostgreSQL hash-aggregates an index-only scan of the first index.
        // Items resolved (or become petitions) in a period come from (status, closed_on); items still open at the
        // period's end (closed_on null or later) from (closed_on, reported_on). With a single closed_on index, the
        // two status counts fetched every row closed in the period to look at its status.
        builder.HasIndex(i => new { i.ReportedOn, i.TopicId, i.ResponsibleUnitId, i.Risk, i.Status, i.ClosedOn });
        builder.HasIndex(i => new { i.TopicId, i.ReportedOn });
        builder.HasIndex(i => new { i.Risk, i.ReportedOn });
        builder.HasIndex(i => new { i.Status, i.ClosedOn });
        builder.HasIndex(i => new { i.ClosedOn, i.ReportedOn });
        builder.HasIndex(i => new { i.ReportingUnitId, i.ReportedOn });
        builder.HasIndex(i => new { i.ResponsibleUnitId, i.ReportedOn });
    }
}

public sealed class LedgerItemMatterConfiguration : IEntityTypeConfiguration<LedgerItemMatter>
{
    public void Configure(EntityTypeBuilder<LedgerItemMatter> builder)
    {
        builder.ToTable("ledger_item_matters");
        builder.HasKey(l => new { l.ItemId, l.MatterId });
        builder.HasOne<LedgerItem>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Matter>().WithMany().HasForeignKey(l => l.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.MatterId);
    }
}

public sealed class LedgerRoundConfiguration : IEntityTypeConfiguration<LedgerRound>
{
    public void Configure(EntityTypeBuilder<LedgerRound> builder)
    {
        builder.ToTable("ledger_rounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(LedgerRules.TitleLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.UnitIds).AsJson();
        builder.Property(r => r.CreatedBy).HasMaxLength(128);
    }
}

public sealed class LedgerRoundReportConfiguration : IEntityTypeConfiguration<LedgerRoundReport>
{
    public void Configure(EntityTypeBuilder<LedgerRoundReport> builder)
    {
        builder.ToTable("ledger_round_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ItemIds).AsJson();
        builder.Property(r => r.ReportedBy).HasMaxLength(128);
        builder.HasOne<LedgerRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One report per unit and round: a second, concurrent one fails here rather than being counted twice.
        builder.HasIndex(r => new { r.RoundId, r.UnitId }).IsUnique();
    }
}

public sealed class OrderIncidentConfiguration : IEntityTypeConfiguration<OrderIncident>
{
    public void Configure(EntityTypeBuilder<OrderIncident> builder)
    {
        builder.ToTable("order_incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Behaviour).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.StaffActions).AsJson();
        builder.Property(i => i.Outcome).HasMaxLength(LedgerRules.TextLength);
        builder.Property(i => i.RecordedBy).HasMaxLength(128);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Matter>().WithMany().HasForeignKey(i => i.MatterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.At);
    }
}

public sealed class PreventionActivityConfiguration : IEntityTypeConfiguration<PreventionActivity>
{
    public void Configure(EntityTypeBuilder<PreventionActivity> builder)
    {
        builder.ToTable("prevention_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Topic).HasMaxLength(LedgerRules.TitleLength);
        builder.Property(a => a.Place).HasMaxLength(LedgerRules.TitleLength * 2);
        builder.Property(a => a.Organiser).HasMaxLength(LedgerRules.TitleLength * 2);
        builder.Property(a => a.Units).HasMaxLength(LedgerRules.TitleLength * 2);
        builder.Property(a => a.RecordedBy).HasMaxLength(128);
        builder.HasIndex(a => new { a.Kind, a.On });
    }
}
