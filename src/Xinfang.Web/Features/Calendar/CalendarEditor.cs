using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

public sealed record CalendarYearView(int Year, string Source, IReadOnlyList<CalendarDayView> Days, bool Provisional, int Version, int WorkingDays);

public sealed record CalendarDayView(DateOnly Date, DayKind Kind, string Name);

/// <summary>What a save did: <see cref="Moved"/> due dates changed, <see cref="Confirmed"/> provisional ones kept their date.</summary>
public sealed record CalendarSaved(CalendarYearView Calendar, int Recomputed, int Moved, int Confirmed);

/// <summary>Reads and replaces a year of the work calendar; a replacement recomputes the open deadlines it touches.</summary>
public sealed class CalendarEditor(XinfangDb db, ReferenceData reference, DeadlineRecalculation recalculation, TimeProvider time)
{
    public async Task<Result<CalendarYearView>> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        if (year is < CalendarValidation.MinYear or > CalendarValidation.MaxYear)
        {
            return YearOutOfRange(year);
        }

        var record = await db.Set<CalendarYearRecord>().AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var calendar = await db.WorkCalendarAsync(cancellationToken);
        var working = calendar.CountWorkingDays(new DateOnly(year, 1, 1).AddDays(-1), new DateOnly(year, 12, 31));
        return record is null
            // No official table for that year yet: weekends alone, and every due date in it is provisional.
            ? new CalendarYearView(year, "", [], Provisional: true, 0, working)
            : View(record, working);
    }

    public async Task<Result<CalendarSaved>> SaveAsync(CalendarYear input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (TooLong(input) is { } tooLong)
        {
            return tooLong;
        }

        var checkedYear = CalendarValidation.Validate(input);
        if (!checkedYear.TryGet(out var year, out var error))
        {
            return error;
        }

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var existing = await db.Set<CalendarYearRecord>().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year.Year, cancellationToken);
        if (expectedVersion is { } v && v != (existing?.Version ?? 0))
        {
            return new Error(ErrorKind.Stale, "concurrency.stale", "数据已被修改", $"{year.Year} 年的日历已被他人修改，请刷新后重试。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var actor = db.Actor.Name;
        if (existing is null)
        {
            existing = ToRecord(year, now, actor);
            db.Add(existing);
        }
        else
        {
            db.RemoveRange(existing.Days);
            existing.Source = year.Source.Trim();
            existing.Days = year.Days.Select(d => new CalendarDayRecord { Date = d.Date, Year = year.Year, Kind = d.Kind, Name = d.Name.Trim() }).ToList();
            existing.Version++;
            existing.UpdatedAt = now;
            existing.UpdatedBy = actor;
        }

        await db.SaveChangesAsync(cancellationToken);
        var calendar = await db.WorkCalendarAsync(cancellationToken);
        var report = await recalculation.RecalculateAsync(calendar, year.Year, $"{year.Year} 年节假日安排已录入或修改", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        reference.Invalidate();

        var working = calendar.CountWorkingDays(new DateOnly(year.Year, 1, 1).AddDays(-1), new DateOnly(year.Year, 12, 31));
        return new CalendarSaved(View(existing, working), report.Examined, report.Moved, report.Confirmed);
    }

    private static Error? TooLong(CalendarYear input)
    {
        if (input.Source.Trim().Length > CalendarConfiguration.SourceLength)
        {
            return Error.Validation("calendar.source-too-long", $"通知名称不能超过 {CalendarConfiguration.SourceLength} 个字。", "source");
        }

        var index = input.Days.ToList().FindIndex(d => d.Name.Trim().Length > CalendarConfiguration.DayNameLength);
        return index < 0 ? null : Error.Validation("calendar.name-too-long",
            $"{input.Days[index].Date:yyyy-MM-dd} 的名称不能超过 {CalendarConfiguration.DayNameLength} 个字。", $"days[{index}].name");
    }

    public static Error YearOutOfRange(int year) => Error.Validation("calendar.year-out-of-range",
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"年份 {year} 超出范围，日历只能录入 {CalendarValidation.MinYear}–{CalendarValidation.MaxYear} 年。"), "year");

    public static CalendarYearRecord ToRecord(CalendarYear year, DateTime now, string by) => new()
    {
        Year = year.Year,
        Source = year.Source.Trim(),
        Version = 1,
        UpdatedAt = now,
        UpdatedBy = by,
        Days = year.Days.Select(d => new CalendarDayRecord { Date = d.Date, Year = year.Year, Kind = d.Kind, Name = d.Name.Trim() }).ToList(),
    };

    private static CalendarYearView View(CalendarYearRecord record, int workingDays) => new(record.Year, record.Source,
        record.Days.OrderBy(d => d.Date).Select(d => new CalendarDayView(d.Date, d.Kind, d.Name)).ToList(), false, record.Version, workingDays);
}
