using Xinfang.Domain.Shared;
namespace Xinfang.Domain.Deadlines;

/// <summary>
/// Due dates of statutory periods. Calendar-day periods follow 《民法典》第二百零一条 (the start day is not
/// counted) and 第二百零三条 (an end on a rest day rolls forward to the next working day); working-day periods count
/// only working days after the start day. Applying the 民法典 rules to petition limits is an inference
/// (REFERENCE §1.12), so roll-forward is a switch, on by default.
/// </summary>
public static class Periods
{
    private static readonly IReadOnlyList<DueReason> NoReasons = Array.AsReadOnly(Array.Empty<DueReason>());

    /// <summary>
    /// The due date <paramref name="days"/> days after <paramref name="start"/>. Zero days gives the start itself;
    /// negative days throw <see cref="ArgumentOutOfRangeException"/> (callers validate rules with
    /// <see cref="PeriodRules.Validate"/>). Without <paramref name="explain"/> nothing but the result is allocated.
    /// </summary>
    public static DueDate Due(WorkCalendar calendar, DateOnly start, int days, PeriodKind kind, bool rollForward = true, bool explain = false)
    {
        var reasons = explain ? new List<DueReason>() : null;
        return Compute(calendar, start, days, kind, rollForward, reasons);
    }

    /// <summary>
    /// The due date of <paramref name="rule"/> from <paramref name="start"/>, lengthened by
    /// <paramref name="extraDays"/> of the rule's own kind: hearing days that do not count towards the 复核's 30 days
    /// (《信访工作条例》第三十六条), or an approved extension (第三十四条). <paramref name="extraReason"/> says which.
    /// </summary>
    public static DueDate Due(WorkCalendar calendar, DateOnly start, PeriodRule rule, int extraDays = 0, string? extraReason = null, bool explain = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extraDays);
        var reasons = explain ? new List<DueReason>() : null;
        if (reasons is not null)
        {
            var roll = rule.Kind == PeriodKind.Calendar ? (rule.RollForward ? "，届满日遇休息日顺延" : "，届满日不顺延") : "";
            reasons.Add(new DueReason(start, $"{rule.Name} {Length(rule.Days, rule.Kind)}{roll}，依据{rule.Article}"));
            if (extraDays > 0)
            {
                reasons.Add(new DueReason(start, $"另加 {Length(extraDays, rule.Kind)}：{extraReason ?? "未说明原因"}"));
            }
        }

        return Compute(calendar, start, rule.Days + extraDays, rule.Kind, rule.RollForward, reasons);
    }

    private static DueDate Compute(WorkCalendar calendar, DateOnly start, int days, PeriodKind kind, bool rollForward, List<DueReason>? reasons)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        reasons?.Add(new DueReason(start, "起算日，当日不计入（《民法典》第二百零一条）"));
        if (days == 0)
        {
            reasons?.Add(new DueReason(start, "期限为 0 日，届满日即起算日"));
            return new DueDate(start, days, kind, rollForward, start, false, (IReadOnlyList<DueReason>?)reasons ?? NoReasons);
        }

        var coverage = new CoverageCheck(calendar);
        var due = kind switch
        {
            PeriodKind.Calendar => CalendarDays(calendar, start, days, rollForward, ref coverage, reasons),
            PeriodKind.Working => WorkingDays(calendar, start, days, ref coverage, reasons),
        };
        return new DueDate(start, days, kind, rollForward, due, coverage.Provisional, (IReadOnlyList<DueReason>?)reasons ?? NoReasons);
    }

    private static DateOnly CalendarDays(WorkCalendar calendar, DateOnly start, int days, bool rollForward, ref CoverageCheck coverage, List<DueReason>? reasons)
    {
        var nominal = start.AddDays(days);
        if (!rollForward)
        {
            // Without roll-forward the calendar plays no part, so the result is never provisional.
            reasons?.Add(new DueReason(nominal, calendar.IsWorkingDay(nominal)
                ? $"{Nth(days)}，期限届满"
                : $"{Nth(days)}，{RestDay(calendar, nominal)}；未启用顺延，期限届满"));
            return nominal;
        }

        coverage.Visit(nominal, reasons);
        if (calendar.IsWorkingDay(nominal))
        {
            reasons?.Add(new DueReason(nominal, IsMakeUpDay(calendar, nominal) ? $"{Nth(days)}，调休上班，不顺延，期限届满" : $"{Nth(days)}，期限届满"));
            return nominal;
        }

        // 《民法典》第二百零三条: a period ending on a rest day ends on the first day after the rest.
        reasons?.Add(new DueReason(nominal, $"{Nth(days)}，{RestDay(calendar, nominal)}，顺延（《民法典》第二百零三条）"));
        var due = nominal.AddDays(1);
        coverage.Visit(due, reasons);
        while (!calendar.IsWorkingDay(due))
        {
            reasons?.Add(new DueReason(due, $"{RestDay(calendar, due)}，顺延"));
            due = due.AddDays(1);
            coverage.Visit(due, reasons);
        }

        reasons?.Add(new DueReason(due, IsMakeUpDay(calendar, due) ? "调休上班，顺延至此日，期限届满" : "顺延至此工作日，期限届满"));
        return due;
    }

    private static DateOnly WorkingDays(WorkCalendar calendar, DateOnly start, int days, ref CoverageCheck coverage, List<DueReason>? reasons)
    {
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            coverage.Visit(day, reasons);
            if (!calendar.IsWorkingDay(day))
            {
                reasons?.Add(new DueReason(day, $"{RestDay(calendar, day)}，不计入"));
                continue;
            }

            counted++;
            if (reasons is not null && counted < days && IsMakeUpDay(calendar, day))
            {
                reasons.Add(new DueReason(day, ChineseText.Format($"调休上班，计入（第 {counted} 个工作日）")));
            }
        }

        reasons?.Add(new DueReason(day, IsMakeUpDay(calendar, day)
            ? ChineseText.Format($"调休上班，计入；第 {days} 个工作日，期限届满")
            : ChineseText.Format($"第 {days} 个工作日，期限届满")));
        return day;
    }

    private static string Nth(int days) => ChineseText.Format($"第 {days} 日");

    private static bool IsMakeUpDay(WorkCalendar calendar, DateOnly date) => calendar.Special(date)?.Kind == DayKind.Workday;

    private static string RestDay(WorkCalendar calendar, DateOnly date) =>
        calendar.Special(date) is { Kind: DayKind.Holiday } holiday ? holiday.Name + "假期" : ChineseText.Weekday(date.DayOfWeek);

    /// <summary>How long a period is, as an explanation says it: "30 日（自然日）", "5 个工作日".</summary>
    public static string Length(int days, PeriodKind kind) => kind switch
    {
        PeriodKind.Calendar => ChineseText.Format($"{days} 日（自然日）"),
        PeriodKind.Working => ChineseText.Format($"{days} 个工作日"),
    };
}
