using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

public sealed record PackageInput(Guid LeaderUserId, string? Plan = null, DateOnly? On = null);

public sealed record PackageNote(string? Note = null, DateOnly? On = null);

public sealed record PackageView(Guid Id, Guid MatterId, string MatterNumber, string MatterTitle, MatterStatus MatterStatus, string StatusLabel,
                                 Guid LeaderUserId, string LeaderName, string Plan, DateOnly AssignedOn, string AssignedBy,
                                 IReadOnlyList<PackageProgress> Progress, DateOnly? ResolvedOn, string? Resolution);

/// <summary>
/// 领导包案: the bureau (登记员、局领导) or the head of the unit holding the matter puts a leader in charge of it with a
/// plan; the leader records progress and, in the end, the resolution. Leaders see their packages under "我的包案".
/// </summary>
public sealed class LeaderPackages(XinfangDb db, Staff staff, TimeProvider time)
{
    public async Task<Result<PackageView>> AssignAsync(Guid matterId, PackageInput input, CancellationToken cancellationToken = default)
    {
        var matter = await db.VisibleMatters(staff).AsNoTracking().SingleOrDefaultAsync(m => m.Id == matterId, cancellationToken);
        if (matter is null)
        {
            return Error.NotFound("matter.not-found", "该信访事项不存在，或不在您的查看范围内。");
        }

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var on = input.On ?? today;
        if (LeaderPackageRules.CheckAssign(staff.Actor, matter, input.Plan, on, today) is { } refused)
        {
            return refused;
        }

        var leader = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.LeaderUserId && u.IsActive, cancellationToken);
        var isLeader = leader is not null && await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .AnyAsync(x => x.UserId == leader.Id && x.Name == Roles.Leader, cancellationToken);
        if (!isLeader)
        {
            return Error.Validation("package.leader-invalid", "所选人员不是包案领导（需具有“包案领导”角色的在用账户）。", "leaderUserId");
        }

        if (await db.Set<LeaderPackage>().AnyAsync(p => p.MatterId == matterId && p.LeaderUserId == input.LeaderUserId, cancellationToken))
        {
            return Error.Conflict("package.exists", "已包案", $"{leader!.DisplayName}已包案此事项。");
        }

        var package = new LeaderPackage
        {
            Id = Guid.CreateVersion7(), MatterId = matterId, LeaderUserId = leader!.Id, Plan = input.Plan!.Trim(), AssignedOn = on, AssignedBy = staff.UserName,
        };
        db.Add(package);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(p => p.Id == package.Id, cancellationToken)).Single();
    }

    public async Task<Result<PackageView>> NoteAsync(Guid packageId, PackageNote input, bool resolve, CancellationToken cancellationToken = default)
    {
        var package = await db.Set<LeaderPackage>().SingleOrDefaultAsync(p => p.Id == packageId, cancellationToken);
        if (package is null || package.LeaderUserId != staff.UserId && !staff.IsBureau)
        {
            return Error.NotFound("package.not-found", "该包案不存在，或不是您的包案。");
        }

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var on = input.On ?? today;
        if (LeaderPackageRules.CheckNote(input.Note, package.AssignedOn, package.ResolvedOn, on, today) is { } refused)
        {
            return refused;
        }

        if (resolve)
        {
            (package.ResolvedOn, package.Resolution) = (on, input.Note!.Trim());
        }
        else
        {
            package.Progress = [.. package.Progress, new PackageProgress(on, input.Note!.Trim(), staff.UserName)];
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(p => p.Id == package.Id, cancellationToken)).Single();
    }

    public Task<List<PackageView>> MineAsync(CancellationToken cancellationToken = default) => ListAsync(p => p.LeaderUserId == staff.UserId, cancellationToken);

    public Task<List<PackageView>> ForMatterAsync(Guid matterId, CancellationToken cancellationToken = default) => ListAsync(p => p.MatterId == matterId, cancellationToken);

    private async Task<List<PackageView>> ListAsync(System.Linq.Expressions.Expression<Func<LeaderPackage, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await db.Set<LeaderPackage>().AsNoTracking().Where(filter)
            .Join(db.Matters, p => p.MatterId, m => m.Id, (p, m) => new { Package = p, m.Number, m.Title, m.Status })
            .Join(db.Users, x => x.Package.LeaderUserId, u => u.Id, (x, u) => new { x.Package, x.Number, x.Title, x.Status, u.DisplayName })
            .OrderByDescending(x => x.Package.AssignedOn)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new PackageView(x.Package.Id, x.Package.MatterId, x.Number, x.Title, x.Status, x.Status.ToChinese(), x.Package.LeaderUserId,
            x.DisplayName, x.Package.Plan, x.Package.AssignedOn, x.Package.AssignedBy, x.Package.Progress, x.Package.ResolvedOn, x.Package.Resolution)).ToList();
    }
}
