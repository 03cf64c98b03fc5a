using Xinfang.Domain.Deadlines;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The work calendar and the period rules in force, as one value the decisions use to open and explain deadlines.
/// A local rule named <c>{code}.{qualifier}</c> (e.g. <c>dispose.urgent</c>, <c>handling.superior</c>) replaces the
/// statutory rule for matters with that flag or channel: local variations are data, not code.
/// </summary>
public sealed class DeadlineRules(WorkCalendar calendar, IEnumerable<PeriodRule> rules)
{
    private readonly Dictionary<string, PeriodRule> _rules = rules.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public WorkCalendar Calendar => calendar;

    public static DeadlineRules Statutory(WorkCalendar calendar) => new(calendar, PeriodRules.Defaults);

    public PeriodRule Rule(string code) =>
        _rules.TryGetValue(code, out var rule) ? rule : PeriodRules.Defaults.First(r => r.Code == code);

    /// <summary>What a clock is called in documents and lists: the rule's name, or the name of a fixed date.</summary>
    public string NameOf(string code) => code switch
    {
        Deadline.Assigned => "交办报送期限",
        Deadline.Superior => "上级交办期限",
        _ => Rule(code).Name,
    };

    public PeriodRule RuleFor(string code, IEnumerable<string> qualifiers)
    {
        foreach (var qualifier in qualifiers)
        {
            if (_rules.TryGetValue($"{code}.{qualifier}", out var local))
            {
                return local;
            }
        }

        return Rule(code);
    }

    /// <summary>The rule a deadline was measured by (a fixed date is a handling limit set by someone).</summary>
    public PeriodRule RuleOf(Deadline deadline) =>
        _rules.TryGetValue(deadline.RuleCode, out var rule) ? rule : Rule(deadline.IsFixed ? PeriodRules.Handling : deadline.Code);

    public Deadline Open(string code, DateOnly start, IEnumerable<string>? qualifiers = null, bool isDuty = true)
    {
        var rule = RuleFor(code, qualifiers ?? []);
        var due = Periods.Due(calendar, start, rule);
        // The deadline keeps the code of what it measures, whichever rule (statutory or local) gave its days.
        return new Deadline(Guid.CreateVersion7(), code, start, rule.Days, rule.Kind, rule.RollForward, rule.Version, isDuty, due.Due, due.Provisional, rule.Code);
    }

    /// <summary>The due date of a deadline as the calendar says now, with every step explained when asked.</summary>
    public DueDate Due(Deadline deadline, bool explain = false)
    {
        if (deadline.IsFixed)
        {
            IReadOnlyList<DueReason> why = explain ? [new DueReason(deadline.DueOn, "期限由交办机关指定（第二十二条第一款第三项）")] : [];
            return new DueDate(deadline.StartOn, 0, PeriodKind.Calendar, false, deadline.DueOn, false, why);
        }

        var current = RuleOf(deadline);
        var rule = current with { Days = deadline.Days, Kind = deadline.Kind, RollForward = deadline.RollForward, Version = deadline.RuleVersion };
        var due = Periods.Due(calendar, deadline.StartOn, rule, deadline.ExtraDays,
            deadline.ExtraDays > 0 ? $"听证 {deadline.ExtraDays} 日不计入期限（第三十六条第二款）" : null, explain);
        if (deadline.ExtensionDays == 0)
        {
            return due;
        }

        var extension = Rule(PeriodRules.Extension); // only its kind and roll-forward: the days are the deadline's own
        var extended = Periods.Due(calendar, due.Due, deadline.ExtensionDays, extension.Kind, extension.RollForward, explain);
        IReadOnlyList<DueReason> explanation = explain
            ? [.. due.Explanation, new DueReason(due.Due, $"经批准延期 {Periods.Length(deadline.ExtensionDays, extension.Kind)}，自原到期日起算（{extension.Article}）"), .. extended.Explanation]
            : [];
        return extended with { Start = deadline.StartOn, Days = deadline.Days, Provisional = due.Provisional || extended.Provisional, Explanation = explanation };
    }
}
