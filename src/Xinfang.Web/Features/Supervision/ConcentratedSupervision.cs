using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Supervision;

/// <summary>The filters of the concentrated-supervision page and of <c>GET /supervision/problems</c>: type, responsible unit, period received.</summary>
public sealed record ProblemQuery(string? Type = null, Guid? UnitId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ProblemFindingView(string Type, string TypeName, string Rule, string Evidence, DateOnly DecidedOn);

public sealed record FlaggedMatter(Guid Id, string Number, string Title, MatterStatus Status, string StatusLabel, DateOnly ReceivedOn, Guid? UnitId, string? UnitName,
                                   IReadOnlyList<ProblemFindingView> Problems);

public sealed record ProblemCount(string Type, string TypeName, int Matters);

/// <summary>The page's data: counts per type (under the unit and period filters), and the flagged matters (under the type filter too).</summary>
public sealed record ProblemBoard(IReadOnlyList<ProblemCount> Counts, IReadOnlyList<FlaggedMatter> Matters, int Total);

public sealed record ProblemLettersInput(IReadOnlyList<Guid>? MatterIds);

public sealed record ProblemLetterIssued(Guid MatterId, string MatterNumber, Guid NoticeId, string Number);

public sealed record ProblemLetterRefused(Guid MatterId, string? MatterNumber, string Code, string Reason);

/// <summary>What a bulk issue did: the letters issued, and each matter refused with its reason (the others proceeded).</summary>
public sealed record ProblemLettersResult(IReadOnlyList<ProblemLetterIssued> Issued, IReadOnlyList<ProblemLetterRefused> Refused);

public sealed record ProblemLetterView(Guid Id, Guid MatterId, string MatterNumber, string Number, Guid? UnitId, DateOnly IssuedOn, string Types);

/// <summary>
/// 集中督查督办 (《信访工作条例》第四十条): the matters flagged with the seven problem types (<see cref="MatterProblem"/>),
/// and 督查督办函 issued on them in bulk. A matter not flagged, not visible or already sent a letter today is refused
/// with its reason; the others proceed in one transaction.
/// </summary>
public sealed class ConcentratedSupervision(XinfangDb db, Staff staff, ReferenceData reference, TimeProvider time, IOptions<SupervisionOptions> options)
{
    public const int MaxList = 200;

    public const int MaxBulk = 200;

    public async Task<Result<ProblemBoard>> BoardAsync(ProblemQuery query, CancellationToken cancellationToken = default)
    {
        ProblemType? type = null;
        if (!string.IsNullOrWhiteSpace(query.Type) && (type = ProblemRules.Parse(query.Type)) is null)
        {
            return Error.Validation("supervision.problem-invalid",
                $"问题类型“{query.Type}”无法识别，应为 {string.Join("、", ProblemRules.All.Select(t => t.Code()))} 之一。", "type");
        }

        if (query is { From: { } start, To: { } end } && start > end)
        {
            return Error.Validation("request.date-range-reversed", "收到日期的起日晚于止日，请检查后再查。", "from");
        }

        var matters = db.VisibleMatters(staff).AsNoTracking();
        if (query.UnitId is { } unit)
        {
            matters = matters.Where(m => m.UnitId == unit);
        }

        if (query.From is { } from)
        {
            matters = matters.Where(m => m.ReceivedOn >= from);
        }

        if (query.To is { } to)
        {
            matters = matters.Where(m => m.ReceivedOn <= to);
        }

        var ids = matters.Select(m => m.Id);
        var problems = db.Set<MatterProblem>().AsNoTracking().Where(p => ids.Contains(p.MatterId));
        var counts = (await problems.GroupBy(p => p.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Key, c => c.Count);
        var flagged = type is { } t ? matters.Where(m => db.Set<MatterProblem>().Any(p => p.MatterId == m.Id && p.Type == t))
            : matters.Where(m => db.Set<MatterProblem>().Any(p => p.MatterId == m.Id));
        var total = await flagged.CountAsync(cancellationToken);
        var rows = await flagged.OrderBy(m => m.NextDueOn).ThenBy(m => m.ReceivedOn).ThenBy(m => m.Number).Take(MaxList)
            .Select(m => new { m.Id, m.Number, m.Title, m.Status, m.ReceivedOn, m.UnitId, UnitName = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var rowIds = rows.Select(r => r.Id).ToList();
        var findings = (await db.Set<MatterProblem>().AsNoTracking().Where(p => rowIds.Contains(p.MatterId)).ToListAsync(cancellationToken)).ToLookup(p => p.MatterId);
        return new ProblemBoard(
            ProblemRules.All.Select(k => new ProblemCount(k.Code(), k.ToChinese(), counts.GetValueOrDefault(k))).ToList(),
            rows.Select(r => new FlaggedMatter(r.Id, r.Number, r.Title, r.Status, r.Status.ToChinese(), r.ReceivedOn, r.UnitId, r.UnitName,
                findings[r.Id].OrderBy(p => p.Type).Select(View).ToList())).ToList(),
            total);
    }

    public async Task<Result<ProblemLettersResult>> IssueAsync(ProblemLettersInput input, CancellationToken cancellationToken = default)
    {
        if (!staff.IsBureau)
        {
            return Error.Forbidden("supervision.forbidden", "只有信访部门的工作人员可以发督查督办函。");
        }

        var wanted = (input.MatterIds ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return Error.Validation("supervision.matters-required", "请至少选择一件事项。", "matterIds");
        }

        if (wanted.Count > MaxBulk)
        {
            return Error.Validation("supervision.too-many", $"一次最多对 {MaxBulk} 件事项发函。", "matterIds");
        }

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var current = await reference.CurrentAsync(cancellationToken);
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var found = await db.VisibleMatters(staff).AsNoTracking().Where(m => wanted.Contains(m.Id))
            .Select(m => new { m.Id, m.Number, m.Title, m.UnitId, m.RegisteringUnitId }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var flags = (await db.Set<MatterProblem>().AsNoTracking().Where(p => wanted.Contains(p.MatterId)).ToListAsync(cancellationToken)).ToLookup(p => p.MatterId);
        var sentToday = (await db.Set<Notice>().AsNoTracking()
            .Where(n => wanted.Contains(n.MatterId) && n.Kind == NoticeKind.ProblemSupervisionLetter && n.IssuedOn == today)
            .Select(n => n.MatterId).ToListAsync(cancellationToken)).ToHashSet();

        var refused = new List<ProblemLetterRefused>();
        var proceed = new List<Guid>();
        foreach (var id in wanted)
        {
            if (!found.TryGetValue(id, out var matter))
            {
                refused.Add(new(id, null, "matter.not-found", "事项不存在或不在您的查看范围内。"));
            }
            else if (!flags[id].Any())
            {
                refused.Add(new(id, matter.Number, "supervision.not-flagged", $"{matter.Number} 未被列入七类督查问题，不能发督查督办函；如需催办请用电话催办。"));
            }
            else if (sentToday.Contains(id))
            {
                refused.Add(new(id, matter.Number, "supervision.already-sent", $"{matter.Number} 今天已发过督查督办函。"));
            }
            else
            {
                proceed.Add(id);
            }
        }

        var issued = new List<ProblemLetterIssued>();
        if (proceed.Count > 0)
        {
            var bureau = current.Units.Values.Where(u => u.Kind == UnitKind.Bureau && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).First();
            const NoticeKind kind = NoticeKind.ProblemSupervisionLetter;
            var scope = Numbering.NoticeScope(bureau, kind, today.Year);
            var sequence = await Counter.ReserveAsync(db, scope, proceed.Count, cancellationToken) - proceed.Count;
            var feedback = ChineseText.LongDate(Letters.FeedbackDue(today, current.Deadlines.Calendar, options.Value.Thresholds));
            var notices = new List<Notice>();
            foreach (var id in proceed)
            {
                var matter = found[id];
                var unitId = matter.UnitId ?? matter.RegisteringUnitId;
                var problems = flags[id].OrderBy(p => p.Type).ToList();
                var fields = new Dictionary<string, string>
                {
                    ["文书"] = kind.ToChinese(),
                    ["信访件编号"] = matter.Number,
                    ["事项"] = matter.Title,
                    ["发文单位"] = bureau.Name,
                    ["责任单位"] = current.Units.TryGetValue(unitId, out var unit) ? unit.Name : "",
                    ["问题类型"] = string.Join("、", problems.Select(p => p.Type.ToChinese())),
                    ["问题事实"] = string.Join("；", problems.Select(p => p.Evidence)),
                    ["反馈期限"] = feedback,
                    ["法律依据"] = "《信访工作条例》第四十条",
                };
                var draft = new NoticeDraft(kind, Recipient.Unit, unitId, bureau.Id, fields);
                var notice = Notice.Issue(id, draft, Numbering.NoticeNumber(bureau, kind, today.Year, ++sequence), today, staff.UserName);
                notices.Add(notice);
                issued.Add(new(id, matter.Number, notice.Id, notice.Number));
            }

            db.AddRange(notices);
            await NoticeDocuments.WriteAsync(db, notices, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProblemLettersResult(issued, refused);
    }

    /// <summary>The 督查督办函 issued, newest first.</summary>
    public async Task<IReadOnlyList<ProblemLetterView>> LettersAsync(Guid? unitId, CancellationToken cancellationToken = default)
    {
        var visible = db.VisibleMatters(staff).Select(m => m.Id);
        var rows = await (
                from n in db.Set<Notice>().AsNoTracking()
                join m in db.Matters on n.MatterId equals m.Id
                where n.Kind == NoticeKind.ProblemSupervisionLetter && visible.Contains(n.MatterId) && (unitId == null || n.RecipientUnitId == unitId)
                orderby n.IssuedOn descending, n.Number descending
                select new { n.Id, n.MatterId, MatterNumber = m.Number, n.Number, n.RecipientUnitId, n.IssuedOn, n.Fields })
            .Take(MaxList).ToListAsync(cancellationToken);
        return rows.Select(r => new ProblemLetterView(r.Id, r.MatterId, r.MatterNumber, r.Number, r.RecipientUnitId, r.IssuedOn, TypesOf(r.Fields))).ToList();
    }

    private static string TypesOf(string fields) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(fields)?.GetValueOrDefault("问题类型") ?? "";

    private static ProblemFindingView View(MatterProblem p) => new(p.Type.Code(), p.Type.ToChinese(), ProblemRules.RuleOf(p.Type), p.Evidence, p.DecidedOn);
}
