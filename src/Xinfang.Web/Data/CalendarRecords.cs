using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Deadlines;

namespace Xinfang.Web.Data;

/// <summary>The calendar and the period rules as stored now, bypassing the cache (editors and recalculation need what was just saved).</summary>
public static class CalendarQueries
{
    public static async Task<WorkCalendar> WorkCalendarAsync(this XinfangDb db, CancellationToken cancellationToken = default)
    {
        var years = await db.Set<CalendarYearRecord>().AsNoTracking().Include(y => y.Days).ToListAsync(cancellationToken);
        return new WorkCalendar(years.Select(y => y.ToDomain()));
    }

    public static async Task<IReadOnlyList<PeriodRule>> PeriodRulesAsync(this XinfangDb db, CancellationToken cancellationToken = default) =>
        (await db.Set<PeriodRuleRecord>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken)).Select(r => r.ToDomain()).ToList();
}

/// <summary>A year of the work calendar as stored: where it came from and who last changed it.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    public string Source { get; set; } = "";

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public List<CalendarDayRecord> Days { get; set; } = [];

    public CalendarYear ToDomain() =>
        new(Year, Source, Days.OrderBy(d => d.Date).Select(d => new CalendarDay(d.Date, d.Kind, d.Name)).ToList());
}

/// <summary>One date that differs from the plain week: a holiday or a make-up working day (调休).</summary>
public sealed class CalendarDayRecord
{
    public DateOnly Date { get; set; }

    public int Year { get; set; }

    public DayKind Kind { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>A period rule in force; each change raises its version and leaves a row in <see cref="PeriodRuleHistory"/>.</summary>
public sealed class PeriodRuleRecord
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int Days { get; set; }

    public PeriodKind Kind { get; set; }

    public bool RollForward { get; set; }

    public string Article { get; set; } = "";

    public int Version { get; set; }

    /// <summary>One of the ten rules of the 条例; it can be changed but not removed. Local rules can be added.</summary>
    public bool IsStatutory { get; set; }

    public PeriodRule ToDomain() => new(Code, Name, Days, Kind, RollForward, Article, Version);
}

public sealed class PeriodRuleHistory
{
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public int Days { get; set; }

    public PeriodKind Kind { get; set; }

    public bool RollForward { get; set; }

    public string Article { get; set; } = "";

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";
}

public sealed class CalendarConfiguration :
    IEntityTypeConfiguration<CalendarYearRecord>, IEntityTypeConfiguration<CalendarDayRecord>,
    IEntityTypeConfiguration<PeriodRuleRecord>, IEntityTypeConfiguration<PeriodRuleHistory>
{
    // Column widths; the editors check them first, so a long name is a 422 on PostgreSQL, not a 500.
    public const int SourceLength = 200;
    public const int DayNameLength = 32;
    public const int RuleNameLength = 32;
    public const int ArticleLength = 64;

    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(SourceLength);
        builder.Property(y => y.UpdatedBy).HasMaxLength(128);
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CalendarDayRecord> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Name).HasMaxLength(DayNameLength);
    }

    public void Configure(EntityTypeBuilder<PeriodRuleRecord> builder)
    {
        builder.ToTable("period_rules");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(48);
        builder.Property(r => r.Name).HasMaxLength(RuleNameLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Article).HasMaxLength(ArticleLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PeriodRuleHistory> builder)
    {
        builder.ToTable("period_rule_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Code).HasMaxLength(48);
        builder.Property(h => h.Name).HasMaxLength(RuleNameLength);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Article).HasMaxLength(ArticleLength);
        builder.Property(h => h.ChangedBy).HasMaxLength(128);
        builder.HasIndex(h => new { h.Code, h.Version }).IsUnique();
    }
}
