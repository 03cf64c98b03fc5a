using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed record IncidentInput(Guid? MatterId = null, DateTimeOffset? On = null, IncidentBehaviour? Behaviour = null,
                                   IReadOnlyList<StaffAction>? StaffAction = null, bool PoliceCalled = false, string? Outcome = null);

public sealed record IncidentView(Guid Id, Guid? MatterId, string? MatterNumber, DateTimeOffset On, IncidentBehaviour Behaviour, string BehaviourLabel,
                                  IReadOnlyList<StaffAction> StaffAction, string StaffActionLabel, bool PoliceCalled, string Outcome, string RecordedBy,
                                  int Version);

/// <summary>
/// 维护秩序: the bureau's incident log at reception (警访联动, 第四十七条). Only bureau staff read or write it; it is
/// not shown with the matter, so that the conduct at the gate stays apart from the merits of the request.
/// </summary>
public sealed class OrderLog(XinfangDb db, Staff staff, TimeProvider time)
{
    public async Task<Result<IncidentView>> RecordAsync(IncidentInput input, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var checkedFacts = OrderIncidents.Check(input.On?.UtcDateTime, now, input.Behaviour, input.StaffAction, input.PoliceCalled, input.Outcome);
        if (!checkedFacts.TryGet(out var facts, out var error))
        {
            return error;
        }

        if (input.MatterId is { } matterId && !await db.Matters.AnyAsync(m => m.Id == matterId && m.Channel == Domain.Intake.Channel.Visit, cancellationToken))
        {
            return Error.Validation("incident.matter-not-visit", "所关联的事项不存在，或不是来访事项。", "matterId");
        }

        var incident = new OrderIncident
        {
            Id = Guid.CreateVersion7(), MatterId = input.MatterId, At = facts.At, Behaviour = facts.Behaviour, StaffActions = [.. facts.StaffActions],
            PoliceCalled = facts.PoliceCalled, Outcome = facts.Outcome, RecordedBy = staff.UserName,
        };
        db.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(null, null, cancellationToken)).Single(i => i.Id == incident.Id);
    }

    /// <summary>
    /// 更正: the same checks as recording; the record is changed in place and the audit trail keeps what it said before
    /// (every change of an order incident is audited), with who corrected it. A correction made on a version others
    /// have corrected since is refused; the version is also a concurrency token, for two corrections at once.
    /// </summary>
    public async Task<Result<IncidentView>> CorrectAsync(Guid id, IncidentInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var incident = await db.Set<OrderIncident>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Error.NotFound("incident.not-found", "该接待秩序记录不存在。");
        }

        if (expectedVersion is { } version && version != incident.Version)
        {
            return Stale;
        }

        var checkedFacts = OrderIncidents.Check(input.On?.UtcDateTime, time.GetUtcNow().UtcDateTime, input.Behaviour, input.StaffAction, input.PoliceCalled, input.Outcome);
        if (!checkedFacts.TryGet(out var facts, out var error))
        {
            return error;
        }

        if (input.MatterId is { } matterId && !await db.Matters.AnyAsync(m => m.Id == matterId && m.Channel == Domain.Intake.Channel.Visit, cancellationToken))
        {
            return Error.Validation("incident.matter-not-visit", "所关联的事项不存在，或不是来访事项。", "matterId");
        }

        (incident.MatterId, incident.At, incident.Behaviour, incident.StaffActions, incident.PoliceCalled, incident.Outcome) =
            (input.MatterId, facts.At, facts.Behaviour, [.. facts.StaffActions], facts.PoliceCalled, facts.Outcome);
        incident.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }

        return (await ListAsync(null, null, cancellationToken)).Single(i => i.Id == id);
    }

    private static readonly Error Stale = new(ErrorKind.Stale, "concurrency.stale", "数据已被修改", "该接待秩序记录已被他人更正，请刷新后重试。");

    public async Task<List<IncidentView>> ListAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var query = db.Set<OrderIncident>().AsNoTracking();
        if (from is { } f) query = query.Where(i => i.At >= f.ToDateTime(TimeOnly.MinValue).Add(-ChinaTime.Offset));
        if (to is { } t) query = query.Where(i => i.At < t.AddDays(1).ToDateTime(TimeOnly.MinValue).Add(-ChinaTime.Offset));
        var rows = await query.OrderByDescending(i => i.At).Take(500)
            .GroupJoin(db.Matters, i => i.MatterId, m => m.Id, (i, m) => new { i, m })
            .SelectMany(x => x.m.DefaultIfEmpty(), (x, m) => new { x.i, Number = m == null ? null : m.Number })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new IncidentView(r.i.Id, r.i.MatterId, r.Number, new DateTimeOffset(r.i.At, TimeSpan.Zero).ToOffset(ChinaTime.Offset),
            r.i.Behaviour, r.i.Behaviour.ToChinese(), r.i.StaffActions, string.Join("、", r.i.StaffActions.Select(a => a.ToChinese())), r.i.PoliceCalled,
            r.i.Outcome, r.i.RecordedBy, r.i.Version)).ToList();
    }
}
