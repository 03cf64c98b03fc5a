using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Supervision;

public sealed record UnitRankRow(int Rank, Guid UnitId, string UnitName, int Overdue, int Listed, int ProblemTotal, IReadOnlyList<ProblemCount> Problems);

public sealed record ListedMatter(Guid MatterId, string MatterNumber, string Title, Guid UnitId, string? UnitName, string Clock, string ClockName,
                                  DateOnly DueOn, DateOnly ListedOn, Guid LetterId, string LetterNumber);

public sealed record LeaderPackageRow(Guid PackageId, Guid MatterId, string MatterNumber, string Title, string StatusLabel, DateOnly AssignedOn,
                                      PackageState State, string StateName, int Problems, DateOnly? NextDueOn);

public sealed record LeaderRow(Guid LeaderUserId, string LeaderName, int Open, int Resolved, IReadOnlyList<LeaderPackageRow> Packages);

/// <summary>What a leader sees: 挂牌督办 matters, units ranked by overdue and problem counts, each leader's packages and their state.</summary>
public sealed record LeaderBoard(IReadOnlyList<ListedMatter> Listed, IReadOnlyList<UnitRankRow> Units, IReadOnlyList<LeaderRow> Leaders);

/// <summary>
/// The leaders' view (issue 13 item 6; 《信访工作条例》第四十条: 挂牌督办 is reported to the leader in charge and the
/// director). Built from the letters register and the stored problem flags, so it is as fresh as the last sweep and
/// the last step; scoped as every list is: the bureau sees every unit, a leader the matters packaged to them.
/// </summary>
public sealed class LeaderOverview(XinfangDb db, Staff staff, ReferenceData reference)
{
    public const int MaxListed = 200;

    public async Task<LeaderBoard> BoardAsync(CancellationToken cancellationToken = default)
    {
        var current = await reference.CurrentAsync(cancellationToken);
        var units = current.Units;
        var visible = db.VisibleMatters(staff).AsNoTracking();
        var visibleIds = visible.Select(m => m.Id);

        // Open 督办函 (level 1 and 2) and the clock each was sent on: a letter whose clock closed is no longer overdue.
        var open = from l in db.Set<SupervisionLetterRecord>().AsNoTracking()
                   join d in db.Set<Deadline>() on l.DeadlineId equals d.Id
                   where l.Kind == LetterKind.Supervision && d.State == DeadlineState.Open && visibleIds.Contains(l.MatterId)
                   select l;
        var levels = await open.GroupBy(l => new { l.UnitId, l.MatterId }).Select(g => new { g.Key.UnitId, g.Key.MatterId, Level = g.Max(l => l.Level) })
            .ToListAsync(cancellationToken);
        var problems = await (from p in db.Set<MatterProblem>().AsNoTracking()
                              join m in visible on p.MatterId equals m.Id
                              group p by new { Unit = m.UnitId ?? m.RegisteringUnitId, p.Type } into g
                              select new { g.Key.Unit, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);

        var unitIds = levels.Select(l => l.UnitId).Concat(problems.Select(p => p.Unit)).ToHashSet();
        var tallies = unitIds.Select(id => new UnitTally(id, units.TryGetValue(id, out var u) ? u.Name : "（未知单位）",
            levels.Count(l => l.UnitId == id), levels.Count(l => l.UnitId == id && l.Level >= 2),
            problems.Where(p => p.Unit == id).ToDictionary(p => p.Type, p => p.Count)));
        var ranked = Leadership.Rank(tallies).Select(r => new UnitRankRow(r.Rank, r.Tally.UnitId, r.Tally.UnitName, r.Tally.Overdue, r.Tally.Listed, r.Tally.ProblemTotal,
            ProblemRules.All.Select(t => new ProblemCount(t.Code(), t.ToChinese(), r.Tally.Problems.GetValueOrDefault(t))).ToList())).ToList();

        var listedRows = await (from l in open
                                join m in db.Matters on l.MatterId equals m.Id
                                join n in db.Set<Notice>() on l.Id equals n.Id
                                where l.Level == 2
                                orderby l.DueOn, m.Number
                                select new { l.MatterId, m.Number, m.Title, l.UnitId, l.Clock, l.DueOn, l.IssuedOn, l.Id, LetterNumber = n.Number })
            .Take(MaxListed).ToListAsync(cancellationToken);
        var listed = listedRows.Select(r => new ListedMatter(r.MatterId, r.Number, r.Title, r.UnitId, units.TryGetValue(r.UnitId, out var u) ? u.Name : null,
            r.Clock, current.Deadlines.NameOf(r.Clock), r.DueOn, r.IssuedOn, r.Id, r.LetterNumber)).ToList();

        return new LeaderBoard(listed, ranked, await LeadersAsync(visible, cancellationToken));
    }

    /// <summary>Each leader's packages with their state; a leader sees their own, the bureau every leader's.</summary>
    private async Task<IReadOnlyList<LeaderRow>> LeadersAsync(IQueryable<Matter> visible, CancellationToken cancellationToken)
    {
        var packages = db.Set<LeaderPackage>().AsNoTracking();
        if (!staff.IsBureau)
        {
            packages = packages.Where(p => p.LeaderUserId == staff.UserId);
        }

        var rows = await (from p in packages
                          join m in visible on p.MatterId equals m.Id
                          join u in db.Users on p.LeaderUserId equals u.Id
                          select new
                          {
                              p.Id, p.MatterId, p.LeaderUserId, u.DisplayName, p.AssignedOn, p.ResolvedOn, m.Number, m.Title, m.Status, m.NextDueOn,
                              Level = db.Set<SupervisionLetterRecord>()
                                  .Where(l => l.MatterId == m.Id && l.Kind == LetterKind.Supervision
                                              && db.Set<Deadline>().Any(d => d.Id == l.DeadlineId && d.State == DeadlineState.Open))
                                  .Max(l => (int?)l.Level) ?? 0,
                              Problems = db.Set<MatterProblem>().Count(x => x.MatterId == m.Id),
                          }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.LeaderUserId, r.DisplayName))
            .Select(g =>
            {
                var list = g.Select(r =>
                    {
                        var state = Leadership.StateOf(r.ResolvedOn is not null, r.Level, r.Problems);
                        return new LeaderPackageRow(r.Id, r.MatterId, r.Number, r.Title, r.Status.ToChinese(), r.AssignedOn, state, state.ToChinese(), r.Problems,
                            r.NextDueOn == Matter.NoDue ? null : r.NextDueOn);
                    })
                    .OrderBy(p => p.State).ThenBy(p => p.NextDueOn ?? DateOnly.MaxValue).ThenBy(p => p.MatterNumber, StringComparer.Ordinal).ToList();
                return new LeaderRow(g.Key.LeaderUserId, g.Key.DisplayName, list.Count(p => p.State != PackageState.Resolved), list.Count(p => p.State == PackageState.Resolved), list);
            })
            .OrderByDescending(l => l.Packages.Count(p => p.State is PackageState.Listed or PackageState.Overdue)).ThenBy(l => l.LeaderName, StringComparer.Ordinal)
            .ToList();
    }
}
