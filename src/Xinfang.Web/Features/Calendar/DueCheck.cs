using System.Globalization;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;

namespace Xinfang.Web.Features.Calendar;

/// <summary>The checks of a due-date question, shared by <c>GET /calendar/due</c> and the 期限计算器 page.</summary>
public static class DueCheck
{
    public static Result<PeriodKind> Check(DateOnly start, int days, string? kind)
    {
        if (!TryParseKind(kind, out var periodKind))
        {
            return Error.Validation("period.kind-invalid", $"kind 只能是 calendar（自然日）或 working（工作日），收到的是“{kind}”。", "kind");
        }

        if (days is < PeriodRules.MinDays or > PeriodRules.MaxDays)
        {
            return Error.Validation("period.days-out-of-range", $"天数应在 {PeriodRules.MinDays} 到 {PeriodRules.MaxDays} 之间。", "days");
        }

        // The calendar holds 2000–2100; a start outside it is a typo, and a far one would overflow DateOnly.
        if (start.Year is < CalendarValidation.MinYear or > CalendarValidation.MaxYear)
        {
            return Error.Validation("calendar.year-out-of-range", string.Create(CultureInfo.InvariantCulture,
                $"起算日 {start:yyyy-MM-dd} 超出范围，只能计算 {CalendarValidation.MinYear}–{CalendarValidation.MaxYear} 年的期限。"), "start");
        }

        return periodKind;
    }

    private static bool TryParseKind(string? kind, out PeriodKind parsed)
    {
        parsed = PeriodKind.Calendar;
        switch (kind?.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            case null or "" or "calendar":
                return true;
            case "working":
                parsed = PeriodKind.Working;
                return true;
            default:
                return false;
        }
    }
}
