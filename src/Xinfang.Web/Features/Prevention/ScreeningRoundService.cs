using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed record RoundInput(string? Name = null, RoundKind? Kind = null, DateOnly? From = null, DateOnly? To = null, IReadOnlyList<Guid>? UnitIds = null);

public sealed record RoundReportInput(IReadOnlyList<Guid>? ItemIds = null, bool Zero = false);

public sealed record RoundUnitView(Guid UnitId, string Unit, RoundReportState State, string StateLabel, int ItemCount, DateOnly? On);

public sealed record RoundView(Guid Id, string Name, RoundKind Kind, string KindLabel, DateOnly From, DateOnly To, int Reported, int Zero, int Missing,
                               IReadOnlyList<RoundUnitView> Units);

/// <summary>排查周期: the bureau opens a round for a set of units; each unit reports its items or a zero report.</summary>
public sealed class ScreeningRoundService(XinfangDb db, Staff staff, TimeProvider time, ReferenceData reference)
{
    public async Task<Result<RoundView>> CreateAsync(RoundInput input, CancellationToken cancellationToken = default)
    {
        if (!staff.IsBureau)
        {
            return Error.Forbidden("ledger.round-bureau-only", "排查周期由信访部门安排。");
        }

        var units = (await reference.CurrentAsync(cancellationToken)).Units;
        var unitIds = input.UnitIds?.Distinct().ToList() ?? [];
        var checkedRound = ScreeningRounds.CheckRound(input.Name, input.Kind, input.From, input.To, unitIds.Count);
        if (!checkedRound.TryGet(out var kind, out var error))
        {
            return error;
        }

        if (unitIds.Any(u => !units.TryGetValue(u, out var unit) || !unit.IsActive))
        {
            return Error.Validation("ledger.round-unit-unknown", "参加排查的单位须为组织机构中在用的单位。", "unitIds");
        }

        var round = new LedgerRound
        {
            Id = Guid.CreateVersion7(), Name = input.Name!.Trim(), Kind = kind, From = input.From!.Value, To = input.To!.Value, UnitIds = unitIds,
            CreatedBy = staff.UserName,
        };
        db.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(round.Id, cancellationToken)).Value;
    }

    public async Task<Result<RoundView>> ReportAsync(Guid roundId, RoundReportInput input, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var round = await db.Set<LedgerRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return RoundNotFound;
        }

        var itemIds = input.ItemIds?.Distinct().ToList() ?? [];
        var already = await db.Set<LedgerRoundReport>().AnyAsync(r => r.RoundId == roundId && r.UnitId == staff.UnitId, cancellationToken);
        var decided = ScreeningRounds.CheckReport(round.UnitIds.Contains(staff.UnitId), already, input.Zero, itemIds.Count, round.From, ChinaTime.DateOf(time.GetUtcNow()));
        if (!decided.TryGet(out _, out var error))
        {
            return error;
        }

        var own = await db.Set<LedgerItem>().CountAsync(i => itemIds.Contains(i.Id) && i.ReportingUnitId == staff.UnitId, cancellationToken);
        if (own != itemIds.Count)
        {
            return Error.Validation("ledger.round-item-not-own", "上报的台账事项须为本单位登记的事项。", "itemIds");
        }

        db.Add(new LedgerRoundReport
        {
            Id = Guid.CreateVersion7(), RoundId = roundId, UnitId = staff.UnitId, Zero = input.Zero, ItemIds = itemIds,
            On = ChinaTime.DateOf(time.GetUtcNow()), ReportedBy = staff.UserName,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(roundId, cancellationToken)).Value;
    }

    public async Task<Result<RoundView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<LedgerRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null || !staff.IsBureau && !round.UnitIds.Contains(staff.UnitId))
        {
            return RoundNotFound;
        }

        return (await ViewsAsync([round], cancellationToken)).Single();
    }

    public async Task<List<RoundView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rounds = await db.Set<LedgerRound>().AsNoTracking().OrderByDescending(r => r.From).Take(200).ToListAsync(cancellationToken);
        return await ViewsAsync(rounds.Where(r => staff.IsBureau || r.UnitIds.Contains(staff.UnitId)).ToList(), cancellationToken);
    }

    private async Task<List<RoundView>> ViewsAsync(List<LedgerRound> rounds, CancellationToken cancellationToken)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var reports = await db.Set<LedgerRoundReport>().AsNoTracking().Where(r => ids.Contains(r.RoundId)).ToListAsync(cancellationToken);
        var units = (await reference.CurrentAsync(cancellationToken)).Units;
        return rounds.Select(round =>
        {
            var states = ScreeningRounds.States(round.UnitIds,
                reports.Where(r => r.RoundId == round.Id).Select(r => new RoundReportFact(r.UnitId, r.Zero, r.ItemIds.Count, r.On)));
            // A unit sees its own line; the bureau sees who has not reported.
            var visible = states.Where(s => staff.IsBureau || s.UnitId == staff.UnitId)
                .Select(s => new RoundUnitView(s.UnitId, units.TryGetValue(s.UnitId, out var u) ? u.Name : "", s.State, Label(s.State), s.ItemCount, s.On))
                .ToList();
            return new RoundView(round.Id, round.Name, round.Kind, round.Kind.ToChinese(), round.From, round.To,
                states.Count(s => s.State == RoundReportState.Reported), states.Count(s => s.State == RoundReportState.Zero),
                states.Count(s => s.State == RoundReportState.Missing), visible);
        }).ToList();
    }

    public static string Label(RoundReportState state) => state switch
    {
        RoundReportState.Reported => "已上报",
        RoundReportState.Zero => "零报告",
        RoundReportState.Missing => "未报",
    };

    private static Error RoundNotFound => Error.NotFound("ledger.round-not-found", "该排查周期不存在，或本单位不在其中。");
}
