using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Portal;

public sealed record ReturnVisitView(Guid Id, Guid MatterId, string MatterNumber, string Target, int Stage, DateOnly RatedOn, DateOnly DueOn,
                                     string ProblemType, DateOnly? DoneOn, string? Note, bool Overdue, int Version);

public sealed record ReturnVisitDone(string? Note, DateOnly? On = null);

/// <summary>
/// 回访 tasks on a unit's desk: created by a 不满意 rating (MatterWorkflow), done by the unit's handler or head with a
/// note of what was said and done. A unit sees only its own; the bureau's staff see the bureau's.
/// </summary>
public sealed class ReturnVisits(XinfangDb db, Staff staff, TimeProvider time)
{
    private DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    public async Task<IReadOnlyList<ReturnVisitView>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var unit = staff.UnitId;
        var today = Today;
        var rows = await db.Set<ReturnVisit>().AsNoTracking().Where(r => r.UnitId == unit && r.DoneOn == null)
            .OrderBy(r => r.DueOn).ThenBy(r => r.MatterNumber).Take(200).ToListAsync(cancellationToken);
        return rows.Select(r => View(r, today)).ToList();
    }

    public async Task<Result<ReturnVisitView>> DoneAsync(Guid id, ReturnVisitDone done, CancellationToken cancellationToken = default)
    {
        if (!staff.Has(Roles.Handler) && !staff.Has(Roles.UnitHead) && !staff.Has(Roles.Registrar))
        {
            return Error.Forbidden("return-visit.forbidden", "只有承办人、单位负责人或登记员可以记录回访。");
        }

        var unit = staff.UnitId;
        var visit = await db.Set<ReturnVisit>().SingleOrDefaultAsync(r => r.Id == id && r.UnitId == unit, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("return-visit.not-found", "该回访任务不存在，或不属于您的单位。");
        }

        if (visit.DoneOn is not null)
        {
            return Error.Conflict("return-visit.already-done", "已回访", $"该回访已于 {visit.DoneOn:yyyy-MM-dd} 记录。");
        }

        if (string.IsNullOrWhiteSpace(done.Note))
        {
            return Error.Validation("return-visit.note-required", "请写明回访的方式、信访人的意见和后续处理。", "note");
        }

        if (done.Note.Length > 2000)
        {
            return Error.Validation("return-visit.note-too-long", "回访记录不超过 2000 字。", "note");
        }

        var on = done.On ?? Today;
        if (StepDates.Check(on, Today, "on", visit.RatedOn) is { } bad)
        {
            return bad;
        }

        (visit.DoneOn, visit.Note, visit.DoneBy) = (on, done.Note.Trim(), staff.UserName);
        visit.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return View(visit, Today);
    }

    private static ReturnVisitView View(ReturnVisit r, DateOnly today) =>
        new(r.Id, r.MatterId, r.MatterNumber, KebabEnum.Name(r.Target), r.Stage, r.RatedOn, r.DueOn, r.ProblemType, r.DoneOn, r.Note,
            r.DoneOn is null && today > r.DueOn, r.Version);
}

public static class ReturnVisitEndpoints
{
    public static RouteGroupBuilder MapReturnVisits(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/return-visits").WithTags("回访").RequireAuthorization(Policies.Staff);
        visits.MapGet("/", async (ReturnVisits service, CancellationToken ct) => TypedResults.Ok(await service.OpenAsync(ct)));
        visits.MapPost("/{id:guid}/done", async (Guid id, ReturnVisitDone body, ReturnVisits service, CancellationToken ct) =>
            (await service.DoneAsync(id, body, ct)).TryGet(out var view, out var error) ? Results.Ok(view) : error.ToProblem());
        return api;
    }
}
