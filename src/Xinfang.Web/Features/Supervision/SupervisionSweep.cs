using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Supervision;

/// <summary>
/// What one sweep issued (API.md "Supervision"). <see cref="Flagged"/> is the number of matters flagged with one of the
/// seven problem types after the sweep re-decided those whose day came (<see cref="MatterProblems.RefreshDueAsync"/>).
/// </summary>
public sealed record SweepResult(DateOnly AsOf, int Reminders, int Supervisions, int Listed, int Flagged);

/// <summary>
/// The daily sweep (LIFECYCLE.md "Supervision on top of the clocks", 《信访工作条例》第四十条): for every open duty clock
/// near or past its date, the letter <see cref="Letters.Due"/> decides, issued as a notice of the matter (numbered,
/// its document stored with its hash). Claims go first, in batches, as INSERT … ON CONFLICT DO NOTHING on the
/// register's unique (matter, clock, kind, level): only a claim that went in is numbered and issued, so running the
/// sweep again, or on several servers at once, never issues a letter twice and never spends a document number.
/// </summary>
public sealed class SupervisionSweep(XinfangDb db, ReferenceData reference, TimeProvider time, IOptions<SupervisionOptions> options, MatterProblems problems)
{
    /// <summary>What the sweep signs letters as, in the notices and the audit trail.</summary>
    public const string By = "督查督办";

    private sealed record Candidate(Guid DeadlineId, Guid MatterId, string Code, DateOnly DueOn, string Number, string Title,
                                    Guid RegisteringUnitId, Guid? UnitId, Guid? ReviewBodyId, Guid? RecheckBodyId);

    private sealed record Claim(Candidate Clock, LetterDue Letter, Guid UnitId, Guid Id);

    public static Result<DateOnly> ParseAsOf(string? asOf, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return today;
        }

        if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", out var date))
        {
            return Error.Validation("supervision.as-of-invalid", $"日期“{asOf}”无法识别，请写作 2025-06-30 的形式。", "asOf");
        }

        return date > today
            ? Error.Validation("supervision.as-of-future", $"不能对未来的日期（{ChineseText.LongDate(date)}）运行督办，今天是{ChineseText.LongDate(today)}。", "asOf")
            : date;
    }

    public DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    public async Task<Result<SweepResult>> RunAsync(string? asOf, CancellationToken cancellationToken = default) =>
        ParseAsOf(asOf, Today).TryGet(out var date, out var error) ? await RunAsync(date, cancellationToken) : error;

    public async Task<SweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var thresholds = settings.Thresholds;
        var current = await reference.CurrentAsync(cancellationToken);
        var calendar = current.Deadlines.Calendar;
        var horizon = Letters.Horizon(asOf, calendar, thresholds);
        var level1Cut = Letters.OverdueCut(asOf, 1, calendar);
        var level2Cut = Letters.OverdueCut(asOf, thresholds.Level2After, calendar);
        var unsupervised = Letters.Unsupervised.ToList();

        // Each clock near or past its date whose letter of the level its date calls for is not in the register. The
        // domain's decision below is the rule; this only keeps the read to the clocks it could pick. Read in pages of
        // the clock's id, so that a clock the decision passes over (a weekend) is not read again.
        async Task<List<Candidate>> PageAsync(Guid? after)
        {
            var clocks = db.Set<Deadline>().AsNoTracking()
                .Where(d => d.State == DeadlineState.Open && d.IsDuty && !unsupervised.Contains(d.Code) && d.DueOn <= horizon
                    && (d.DueOn >= asOf || d.DueOn <= level1Cut)
                    && !db.Set<SupervisionLetterRecord>().Any(l => l.DeadlineId == d.Id
                        && l.Level == (d.DueOn <= level2Cut ? 2 : d.DueOn <= level1Cut ? 1 : 0)));
            if (after is { } last)
            {
                clocks = clocks.Where(d => d.Id.CompareTo(last) > 0);
            }

            var rows = await clocks.OrderBy(d => d.Id).Take(settings.BatchSize)
                .Join(db.Matters, d => d.MatterId, m => m.Id, (d, m) =>
                    new { d.Id, d.MatterId, d.Code, d.DueOn, m.Number, m.Title, m.RegisteringUnitId, m.UnitId, m.ReviewBodyId, m.RecheckBodyId })
                .OrderBy(r => r.Id) // the page's last row is where the next page starts, in the database's order of ids
                .ToListAsync(cancellationToken);
            return rows.Select(r => new Candidate(r.Id, r.MatterId, r.Code, r.DueOn, r.Number, r.Title, r.RegisteringUnitId, r.UnitId, r.ReviewBodyId, r.RecheckBodyId)).ToList();
        }

        var counts = new int[3];
        Guid? after = null;
        while (true)
        {
            var batch = await PageAsync(after);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].DeadlineId;
            var claims = batch
                .Select(c => (Clock: c, Letter: Letters.Due(c.DueOn, asOf, calendar, thresholds)))
                .Where(x => x.Letter is not null)
                .Select(x => new Claim(x.Clock, x.Letter!, Letters.ResponsibleUnit(x.Clock.Code, x.Clock.RegisteringUnitId, x.Clock.UnitId, x.Clock.ReviewBodyId, x.Clock.RecheckBodyId), Guid.CreateVersion7()))
                .ToList();
            foreach (var level in await IssueAsync(claims, asOf, current, thresholds, cancellationToken))
            {
                counts[level]++;
            }
        }

        // Time alone makes some problems appear (a deadline passed, a quiet spell grew long): every matter whose day came is re-decided.
        var flagged = await problems.RefreshDueAsync(asOf, cancellationToken);
        return new SweepResult(asOf, counts[0], counts[1] + counts[2], counts[2], flagged);
    }

    /// <summary>Claims, numbers and issues one batch in one transaction; returns the levels of the letters issued.</summary>
    private async Task<List<int>> IssueAsync(List<Claim> claims, DateOnly asOf, Reference current, SweepThresholds thresholds, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return [];
        }

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var claimed = (await ClaimAsync(claims, asOf, cancellationToken)).ToHashSet();
        var won = claims.Where(c => claimed.Contains(c.Id)).ToList();
        var issuer = Issuer(current.Units);
        var notices = new List<Notice>(won.Count);
        foreach (var group in won.GroupBy(c => c.Letter.NoticeKind))
        {
            var scopeIssuer = current.Units[issuer];
            var last = await Counter.ReserveAsync(db, Numbering.NoticeScope(scopeIssuer, group.Key, asOf.Year), group.Count(), cancellationToken);
            var sequence = last - group.Count();
            foreach (var claim in group)
            {
                var draft = new NoticeDraft(group.Key, Recipient.Unit, claim.UnitId, issuer, Fields(claim, group.Key, asOf, current, thresholds));
                // The letter's register row and its notice share one id, so that a claim leads to its notice.
                notices.Add(Notice.Issue(claim.Clock.MatterId, draft, Numbering.NoticeNumber(scopeIssuer, group.Key, asOf.Year, ++sequence), asOf, By, claim.Id));
            }
        }

        db.AddRange(notices);
        await NoticeDocuments.WriteAsync(db, notices, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return won.Select(c => c.Letter.Level).ToList();
    }

    /// <summary>INSERT … ON CONFLICT DO NOTHING RETURNING id: the ids of the claims that went in (SQLite ≥ 3.35 and PostgreSQL alike).</summary>
    private async Task<List<Guid>> ClaimAsync(List<Claim> claims, DateOnly asOf, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO supervision_letters (id, matter_id, deadline_id, clock, kind, level, unit_id, issued_on, due_on, overdue_working_days) VALUES ");
        var parameters = new List<object>(claims.Count * 10);
        foreach (var (claim, i) in claims.OrderBy(c => c.Clock.DeadlineId).Select((c, i) => (c, i)))
        {
            var p = parameters.Count;
            sql.Append(i == 0 ? "" : ", ").Append('(');
            sql.AppendJoin(", ", Enumerable.Range(p, 10).Select(n => $"{{{n}}}"));
            sql.Append(')');
            parameters.AddRange([claim.Id, claim.Clock.MatterId, claim.Clock.DeadlineId, claim.Clock.Code, claim.Letter.Kind.ToString(), claim.Letter.Level,
                claim.UnitId, asOf, claim.Clock.DueOn, claim.Letter.OverdueWorkingDays]);
        }

        sql.Append(" ON CONFLICT (matter_id, deadline_id, kind, level) DO NOTHING RETURNING id AS \"Value\"");
        return await db.Database.SqlQueryRaw<Guid>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>The bureau signs the letters (第四十条: 信访部门 supervises).</summary>
    private static Guid Issuer(IReadOnlyDictionary<Guid, Unit> units) =>
        units.Values.Where(u => u.Kind == UnitKind.Bureau && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Id).FirstOrDefault() is var id && id != Guid.Empty
            ? id
            : throw new InvalidOperationException("No active bureau to sign supervision letters: the organisation seed has one.");

    private static Dictionary<string, string> Fields(Claim claim, NoticeKind kind, DateOnly asOf, Reference current, SweepThresholds thresholds)
    {
        var rules = current.Deadlines;
        var clockBasis = claim.Clock.Code is Deadline.Assigned or Deadline.Superior ? "《信访工作条例》第二十二条" : rules.Rule(claim.Clock.Code).Article;
        return new Dictionary<string, string>
        {
            ["文书"] = kind.ToChinese(),
            ["信访件编号"] = claim.Clock.Number,
            ["事项"] = claim.Clock.Title,
            ["发文单位"] = current.Units[Issuer(current.Units)].Name,
            ["责任单位"] = current.Units.TryGetValue(claim.UnitId, out var unit) ? unit.Name : "",
            ["期限名称"] = rules.NameOf(claim.Clock.Code),
            ["到期日期"] = ChineseText.LongDate(claim.Clock.DueOn),
            ["逾期天数"] = claim.Letter.OverdueWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["反馈期限"] = ChineseText.LongDate(Letters.FeedbackDue(asOf, rules.Calendar, thresholds)),
            ["法律依据"] = kind == NoticeKind.ListedSupervisionLetter
                ? $"{clockBasis}；《信访工作条例》第四十条、第四十五条"
                : $"{clockBasis}；《信访工作条例》第四十条",
        };
    }
}
