using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Routing;

public sealed record RoutingRuleInput(Guid TargetUnitId, string? CategoryCode = null, Guid? LocationUnitId = null, Purpose? Purpose = null,
                                      MatterFlag? Flag = null, string? Note = null);

/// <summary>The routing rules an administrator keeps (category × place → unit, accusation → discipline, …).</summary>
public sealed class RoutingRules(XinfangDb db, ReferenceData reference)
{
    public Task<List<RoutingRule>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.CategoryCode).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<Result<RoutingRule>> SaveAsync(Guid? id, RoutingRuleInput input, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        if (!units.TryGetValue(input.TargetUnitId, out var target) || !target.IsActive)
        {
            return Error.Validation("routing.target-not-found", "建议的目标单位不存在或已停用。", "targetUnitId");
        }

        if (input.LocationUnitId is { } location && units.GetValueOrDefault(location) is not { Kind: UnitKind.Street or UnitKind.Town })
        {
            return Error.Validation("routing.location-invalid", "问题属地须为街道或镇。", "locationUnitId");
        }

        if (input.CategoryCode is { Length: > 0 } code && !await db.Set<CategoryRecord>().AnyAsync(c => c.Code == code, cancellationToken))
        {
            return Error.Validation("routing.category-not-found", $"内容分类 {code} 不存在。", "categoryCode");
        }

        if (input.CategoryCode is null && input.LocationUnitId is null && input.Purpose is null && input.Flag is null)
        {
            return Error.Validation("routing.condition-required", "请至少设置一个条件：内容分类、问题属地、信访目的或标记。", "categoryCode");
        }

        var existing = id is null ? null : await db.Set<RoutingRule>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && existing is null)
        {
            return Error.NotFound("routing.not-found", "该分流规则不存在。");
        }

        if (existing is not null)
        {
            db.Remove(existing);
        }

        var rule = new RoutingRule(id ?? Guid.CreateVersion7(), NullIfEmpty(input.CategoryCode), input.LocationUnitId, input.Purpose, input.Flag,
            input.TargetUnitId, NullIfEmpty(input.Note));
        db.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return rule;
    }

    public async Task<Error?> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var rule = await db.Set<RoutingRule>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return Error.NotFound("routing.not-found", "该分流规则不存在。");
        }

        db.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return null;
    }

    /// <summary>First-start rules for the Yanliang tree: the statutory referrals and the usual topics of each department.</summary>
    public static async Task SeedAsync(XinfangDb db, CancellationToken cancellationToken = default)
    {
        if (await db.Set<RoutingRule>().AnyAsync(cancellationToken))
        {
            return;
        }

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        foreach (var (category, purpose, flag, code, note) in YanliangOrganisation.Routing)
        {
            if (units.TryGetValue(code, out var target))
            {
                db.Add(new RoutingRule(Guid.CreateVersion7(), category, null, purpose, flag, target, note));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
