using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Supervision;

public sealed record DigestLineView(Guid MatterId, string Number, string Title, string Clock, string ClockName, DateOnly DueOn,
                                   DigestStage Stage, string StageName, bool Overdue, int WorkingDays);

/// <summary>A unit's digest: the four counts (due soon / overdue × not accepted / not concluded) and the lines, overdue first.</summary>
public sealed record UnitDigestView(Guid UnitId, string UnitName, DateOnly AsOf, int DueSoonNotAccepted, int DueSoonNotConcluded,
                                    int OverdueNotAccepted, int OverdueNotConcluded, IReadOnlyList<DigestLineView> Lines);

/// <summary>Sends a unit its digest (e-mail in a deployment); called after the daily sweep when <see cref="SupervisionOptions.DigestMail"/> is on.</summary>
public interface IDigestSender
{
    Task SendAsync(UnitDigestView digest, CancellationToken cancellationToken);
}

/// <summary>The sender shipped: writes each digest to the log, for a deployment to replace with its mail gateway.</summary>
public sealed class LoggingDigestSender(ILogger<LoggingDigestSender> logger) : IDigestSender
{
    public Task SendAsync(UnitDigestView digest, CancellationToken cancellationToken)
    {
        logger.LogInformation("Digest for {Unit} as of {AsOf}: overdue {OverdueNotAccepted} not accepted, {OverdueNotConcluded} not concluded; due soon {DueSoonNotAccepted} not accepted, {DueSoonNotConcluded} not concluded",
            digest.UnitName, digest.AsOf, digest.OverdueNotAccepted, digest.OverdueNotConcluded, digest.DueSoonNotAccepted, digest.DueSoonNotConcluded);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Unit digests (issue 13 item 8, <see cref="Digests"/>): built from the open supervised clocks the unit answers for
/// (<see cref="Letters.ResponsibleUnit"/>), the same clocks the sweep writes letters on. A unit's staff see their own
/// unit's; the bureau any unit's.
/// </summary>
public sealed class UnitDigests(XinfangDb db, Staff staff, ReferenceData reference, TimeProvider time, IOptions<SupervisionOptions> options)
{
    public const int MaxLines = 100;

    public async Task<Result<UnitDigestView>> ForAsync(Guid? unitId, string? asOf, CancellationToken cancellationToken = default)
    {
        var unit = unitId ?? staff.UnitId;
        if (unit != staff.UnitId && !staff.IsBureau)
        {
            return Error.Forbidden("supervision.digest-other-unit", "只能查看本单位的督办摘要。");
        }

        if (!SupervisionSweep.ParseAsOf(asOf, ChinaTime.DateOf(time.GetUtcNow())).TryGet(out var day, out var error))
        {
            return error;
        }

        var current = await reference.CurrentAsync(cancellationToken);
        if (!current.Units.ContainsKey(unit))
        {
            return Error.NotFound("unit.not-found", "单位不存在。");
        }

        return (await BuildAsync([unit], day, cancellationToken))[0];
    }

    /// <summary>After a sweep: every unit with something due soon or overdue gets its digest; returns how many were sent.</summary>
    public async Task<int> SendAllAsync(DateOnly asOf, IDigestSender sender, CancellationToken cancellationToken = default)
    {
        var current = await reference.CurrentAsync(cancellationToken);
        var sent = 0;
        foreach (var digest in await BuildAsync(current.Units.Keys.ToList(), asOf, cancellationToken))
        {
            if (digest.Lines.Count > 0)
            {
                await sender.SendAsync(digest, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task<List<UnitDigestView>> BuildAsync(List<Guid> units, DateOnly asOf, CancellationToken cancellationToken)
    {
        var current = await reference.CurrentAsync(cancellationToken);
        var calendar = current.Deadlines.Calendar;
        var thresholds = options.Value.Thresholds;
        var horizon = Letters.Horizon(asOf, calendar, thresholds);
        var unsupervised = Letters.Unsupervised.ToList();
        var one = units.Count == 1 ? units[0] : (Guid?)null;
        var rows = await (from d in db.Set<Deadline>().AsNoTracking()
                          join m in db.Matters on d.MatterId equals m.Id
                          where d.State == DeadlineState.Open && d.IsDuty && !unsupervised.Contains(d.Code) && d.DueOn <= horizon
                                && (one == null || m.UnitId == one || m.RegisteringUnitId == one || m.ReviewBodyId == one || m.RecheckBodyId == one)
                          select new { m.Id, m.Number, m.Title, d.Code, d.DueOn, m.RegisteringUnitId, m.UnitId, m.ReviewBodyId, m.RecheckBodyId })
            .ToListAsync(cancellationToken);
        var byUnit = rows.ToLookup(r => Letters.ResponsibleUnit(r.Code, r.RegisteringUnitId, r.UnitId, r.ReviewBodyId, r.RecheckBodyId),
            r => new DigestClock(r.Id, r.Number, r.Title, r.Code, r.DueOn));
        return units.Select(unit =>
        {
            var digest = Digests.Of(byUnit[unit], asOf, calendar, thresholds);
            return new UnitDigestView(unit, current.Units.TryGetValue(unit, out var u) ? u.Name : "", asOf,
                digest.Count(false, DigestStage.NotAccepted), digest.Count(false, DigestStage.NotConcluded),
                digest.Count(true, DigestStage.NotAccepted), digest.Count(true, DigestStage.NotConcluded),
                digest.Lines.Take(MaxLines).Select(l => new DigestLineView(l.Clock.MatterId, l.Clock.Number, l.Clock.Title, l.Clock.Code,
                    current.Deadlines.NameOf(l.Clock.Code), l.Clock.DueOn, l.Stage, l.Stage.ToChinese(), l.Overdue, l.WorkingDays)).ToList());
        }).ToList();
    }
}
