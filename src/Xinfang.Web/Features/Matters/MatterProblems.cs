using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using RepeatLink = Xinfang.Domain.Supervision.RepeatLink;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Keeps the stored problem flags (<see cref="MatterProblem"/>) equal to <see cref="ProblemRules.Decide"/>: for a matter
/// being changed, inside the change's transaction; in bulk for the daily sweep, for every matter whose recheck day has
/// come (a deadline passed, a quiet spell grew long) or that was never decided. Thresholds are settings under
/// <c>Supervision:Problems</c> (<c>IdleDays</c>, <c>ImplementationDays</c>, <c>DeliveryDays</c>).
/// </summary>
public sealed class MatterProblems(XinfangDb db, IConfiguration configuration)
{
    public const int BatchSize = 200;

    public ProblemThresholds Thresholds { get; } = new(
        Math.Clamp(configuration.GetValue("Supervision:Problems:IdleDays", ProblemThresholds.Default.IdleDays), 1, 365),
        Math.Clamp(configuration.GetValue("Supervision:Problems:ImplementationDays", ProblemThresholds.Default.ImplementationDays), 1, 365),
        Math.Clamp(configuration.GetValue("Supervision:Problems:DeliveryDays", ProblemThresholds.Default.DeliveryDays), 1, 365));

    /// <summary>
    /// Re-decides a tracked matter (and, when it is linked as a repeat, the matter it repeats) and stages the rows;
    /// the caller's SaveChanges writes them with the change itself.
    /// </summary>
    public async Task SyncAsync(Matter matter, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await StageAsync([matter], asOf, cancellationToken);
        if (matter.RepeatOfId is { } original && original != matter.Id)
        {
            // Loaded whole even when already tracked: confirming the link (RepeatLinks) tracks it without its clocks
            // and history, and a decision on that part of it would be wrong. The query fills in the tracked instance.
            var repeated = await MatterWorkflow.Load(db.Matters, tracking: true).SingleOrDefaultAsync(m => m.Id == original, cancellationToken)
                ?? db.Matters.Local.FirstOrDefault(m => m.Id == original);
            if (repeated is not null)
            {
                await StageAsync([repeated], asOf, cancellationToken, extraRepeats: [new RepeatLink(matter.Id, matter.Number, matter.ReceivedOn)]);
            }
        }
    }

    /// <summary>
    /// The sweep's part: re-decides, in batches, every matter whose recheck day is on or before <paramref name="asOf"/>
    /// or that has never been decided; returns how many matters carry a problem afterwards.
    /// </summary>
    public async Task<int> RefreshDueAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        Guid? after = null;
        while (true)
        {
            var due = db.Matters.AsNoTracking()
                .Where(m => !db.Set<ProblemCheck>().Any(c => c.MatterId == m.Id)
                    || db.Set<ProblemCheck>().Any(c => c.MatterId == m.Id && c.RecheckOn != null && c.RecheckOn <= asOf && c.DecidedOn < asOf));
            if (after is { } last)
            {
                due = due.Where(m => m.Id.CompareTo(last) > 0);
            }

            var ids = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            after = ids[^1];
            await using var transaction = await db.BeginSerializedAsync(cancellationToken);
            var matters = await MatterWorkflow.Load(db.Matters.Where(m => ids.Contains(m.Id)), tracking: true).ToListAsync(cancellationToken);
            await StageAsync(matters, asOf, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return await db.Set<MatterProblem>().Select(p => p.MatterId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>The decision for one loaded matter as of a day, with the matters linked as its repeats read from the database.</summary>
    public async Task<ProblemDecision> DecideAsync(Matter matter, DateOnly asOf, CancellationToken cancellationToken = default) =>
        ProblemRules.Decide(matter, await RepeatsAsync([matter.Id], cancellationToken) is var r && r.TryGetValue(matter.Id, out var list) ? list : [], asOf, Thresholds);

    private async Task StageAsync(IReadOnlyList<Matter> matters, DateOnly asOf, CancellationToken cancellationToken, IReadOnlyList<RepeatLink>? extraRepeats = null)
    {
        var ids = matters.Select(m => m.Id).ToList();
        var repeats = await RepeatsAsync(ids, cancellationToken);
        var stored = (await db.Set<MatterProblem>().Where(p => ids.Contains(p.MatterId)).ToListAsync(cancellationToken)).ToLookup(p => p.MatterId);
        var checks = await db.Set<ProblemCheck>().Where(c => ids.Contains(c.MatterId)).ToDictionaryAsync(c => c.MatterId, cancellationToken);
        foreach (var matter in matters)
        {
            var links = (repeats.TryGetValue(matter.Id, out var found) ? found : []).Concat(extraRepeats ?? []).DistinctBy(l => l.Id).ToList();
            var decision = ProblemRules.Decide(matter, links, asOf, Thresholds);
            var old = stored[matter.Id].ToDictionary(p => p.Type);
            foreach (var (type, row) in old)
            {
                if (!decision.Has(type))
                {
                    db.Remove(row);
                }
            }

            foreach (var finding in decision.Findings)
            {
                if (old.TryGetValue(finding.Type, out var row))
                {
                    (row.Evidence, row.DecidedOn) = (finding.Evidence, asOf);
                }
                else
                {
                    db.Add(new MatterProblem { MatterId = matter.Id, Type = finding.Type, Evidence = finding.Evidence, DecidedOn = asOf });
                }
            }

            if (checks.TryGetValue(matter.Id, out var check))
            {
                (check.DecidedOn, check.RecheckOn) = (asOf, decision.RecheckOn);
            }
            else
            {
                db.Add(new ProblemCheck { MatterId = matter.Id, DecidedOn = asOf, RecheckOn = decision.RecheckOn });
            }
        }
    }

    private async Task<Dictionary<Guid, List<RepeatLink>>> RepeatsAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Matters.AsNoTracking().Where(m => m.RepeatOfId != null && ids.Contains(m.RepeatOfId.Value))
            .Select(m => new { Of = m.RepeatOfId!.Value, m.Id, m.Number, m.ReceivedOn }).ToListAsync(cancellationToken))
        .GroupBy(r => r.Of).ToDictionary(g => g.Key, g => g.Select(r => new RepeatLink(r.Id, r.Number, r.ReceivedOn)).ToList());
}
