using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Organisation;

public sealed record UnitInput(string Code, string Name, UnitKind Kind, Guid? ParentId = null, Guid? ReviewBodyId = null, bool IsActive = true, string? Abbreviation = null);

public sealed record UnitView(Guid Id, string Code, string Name, string Abbreviation, UnitKind Kind, string KindLabel, Guid? ParentId, Guid? ReviewBodyId, bool IsActive, int Version)
{
    public static UnitView Of(Unit u) => new(u.Id, u.Code, u.Name, u.Abbreviation, u.Kind, u.Kind.ToChinese(), u.ParentId, u.ReviewBodyId, u.IsActive, u.Version);
}

/// <summary>Creates and changes units of the organisation tree; used by the admin pages and by /api/v1/units.</summary>
public sealed class UnitEditor(XinfangDb db, ReferenceData reference)
{
    public async Task<IReadOnlyList<UnitView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken)).Select(UnitView.Of).ToList();

    public async Task<Result<UnitView>> CreateAsync(UnitInput input, CancellationToken cancellationToken = default)
    {
        var tree = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        if (OrganisationRules.Check(Proposed(id, input), tree) is { } error)
        {
            return error;
        }

        var unit = new Unit(id, input.Code.Trim(), input.Name.Trim(), input.Kind, input.ParentId, input.ReviewBodyId, input.Abbreviation);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return UnitView.Of(unit);
    }

    public async Task<Result<UnitView>> UpdateAsync(Guid id, UnitInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var tree = await db.Units.ToListAsync(cancellationToken);
        var unit = tree.FirstOrDefault(u => u.Id == id);
        if (unit is null)
        {
            return Error.NotFound("unit.not-found", "该单位不存在。");
        }

        if (expectedVersion is { } v && v != unit.Version)
        {
            return new Error(ErrorKind.Stale, "concurrency.stale", "数据已被修改", "该单位已被他人修改，请刷新后重试。");
        }

        if (OrganisationRules.Check(Proposed(id, input), tree) is { } error)
        {
            return error;
        }

        unit.Change(input.Code.Trim(), input.Name.Trim(), input.Kind, input.ParentId, input.ReviewBodyId, input.IsActive, input.Abbreviation);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return UnitView.Of(unit);
    }

    private static OrganisationRules.Proposed Proposed(Guid id, UnitInput input) =>
        new(id, input.Code?.Trim() ?? "", input.Name?.Trim() ?? "", input.Kind, input.ParentId, input.ReviewBodyId);
}
