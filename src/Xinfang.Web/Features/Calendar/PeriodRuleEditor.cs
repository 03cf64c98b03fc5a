using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

public sealed record PeriodRuleView(string Code, string Name, int Days, PeriodKind Kind, bool RollForward, string Article, int Version, bool IsStatutory);

public sealed record PeriodRuleChange(string Code, int Version, string Name, int Days, PeriodKind Kind, bool RollForward, string Article, DateTime ChangedAt, string ChangedBy);

/// <summary>
/// Administrators change the days of a rule or add local rules (e.g. <c>dispose.urgent</c> 7 days). Each change
/// raises the version and is kept in the history; a deadline keeps the version it was computed with, so changing
/// a rule never moves a running clock.
/// </summary>
public sealed class PeriodRuleEditor(XinfangDb db, ReferenceData reference, TimeProvider time)
{
    public async Task<IReadOnlyList<PeriodRuleView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<PeriodRuleRecord>().AsNoTracking().OrderByDescending(r => r.IsStatutory).ThenBy(r => r.Code).ToListAsync(cancellationToken))
            .Select(View).ToList();

    /// <summary>Every version of the rules (or of one rule), newest first: what a deadline's rule version refers to.</summary>
    public async Task<IReadOnlyList<PeriodRuleChange>> HistoryAsync(string? code = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PeriodRuleHistory>().AsNoTracking();
        if (code is not null)
        {
            query = query.Where(h => h.Code == code);
        }

        // Rows are only ever appended, so the identity orders them as they happened.
        return await query.OrderByDescending(h => h.Id)
            .Select(h => new PeriodRuleChange(h.Code, h.Version, h.Name, h.Days, h.Kind, h.RollForward, h.Article, h.ChangedAt, h.ChangedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<PeriodRuleView>> SaveAsync(PeriodRule input, CancellationToken cancellationToken = default)
    {
        var checkedRule = PeriodRules.Validate(input);
        if (!checkedRule.TryGet(out var rule, out var error))
        {
            return error;
        }

        if (rule.Name.Trim().Length > CalendarConfiguration.RuleNameLength || rule.Article.Trim().Length > CalendarConfiguration.ArticleLength)
        {
            return Error.Validation("period.text-too-long",
                $"期限名称不能超过 {CalendarConfiguration.RuleNameLength} 个字，依据不能超过 {CalendarConfiguration.ArticleLength} 个字。",
                rule.Name.Trim().Length > CalendarConfiguration.RuleNameLength ? "name" : "article");
        }

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var record = await db.Set<PeriodRuleRecord>().SingleOrDefaultAsync(r => r.Code == rule.Code, cancellationToken);
        if (record is null && LocalRuleProblem(rule.Code) is { } problem)
        {
            return problem;
        }

        if (record is null)
        {
            record = new PeriodRuleRecord { Code = rule.Code, Version = 0, IsStatutory = false };
            db.Add(record);
        }

        record.Name = rule.Name.Trim();
        record.Days = rule.Days;
        record.Kind = rule.Kind;
        record.RollForward = rule.RollForward;
        record.Article = rule.Article.Trim();
        record.Version++;
        db.Add(History(record.ToDomain(), time.GetUtcNow().UtcDateTime, db.Actor.Name));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        reference.Invalidate();
        return View(record);
    }

    // A new rule only takes effect as a variant of a statutory rule (DeadlineRules.RuleFor looks up "{code}.{qualifier}"),
    // so a code that qualifies nothing would be stored and never used.
    private static Error? LocalRuleProblem(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var clock = dot < 0 ? code : code[..dot];
        return dot > 0 && PeriodRules.Find(clock) is not null
            ? null
            : Error.Validation("period.code-unknown",
                $"“{code}”不是法定期限，也不是法定期限的地方规则：新增的地方规则应写作“法定期限代码.限定”，如 dispose.urgent（紧急事项的处置期限）。", "code");
    }

    public static PeriodRuleHistory History(PeriodRule rule, DateTime at, string by) => new()
    {
        Code = rule.Code,
        Version = rule.Version,
        Name = rule.Name,
        Days = rule.Days,
        Kind = rule.Kind,
        RollForward = rule.RollForward,
        Article = rule.Article,
        ChangedAt = at,
        ChangedBy = by,
    };

    private static PeriodRuleView View(PeriodRuleRecord r) => new(r.Code, r.Name, r.Days, r.Kind, r.RollForward, r.Article, r.Version, r.IsStatutory);
}
