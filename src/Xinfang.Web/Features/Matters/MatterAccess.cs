using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Packages;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Who sees which matters. The bureau (登记员、督查员、局领导) sees all: it drives the procedure (第十四条). A handler
/// or unit head sees the matters their unit holds — as the responsible unit, the review or recheck body, or the
/// referral target — and nothing else: other matters are "not found", not "forbidden". Administrators manage
/// configuration, not matters.
/// </summary>
public static class MatterAccess
{
    public static IQueryable<Matter> VisibleMatters(this XinfangDb db, Staff staff)
    {
        if (staff.IsBureau)
        {
            return db.Matters;
        }

        var unit = staff.UnitId;
        var user = staff.UserId;
        var unitStaff = staff.Has(Roles.Handler) || staff.Has(Roles.UnitHead);
        var leader = staff.Has(Roles.Leader);
        var packages = db.Set<LeaderPackage>();
        // A leader also sees the matters packaged to them (领导包案), whatever unit holds them.
        return db.Matters.Where(m =>
            unitStaff && (m.UnitId == unit || m.ReviewBodyId == unit || m.RecheckBodyId == unit || m.ReferredToUnitId == unit)
            || leader && packages.Any(p => p.MatterId == m.Id && p.LeaderUserId == user));
    }

    /// <summary>
    /// The accuser's identity is for the bureau and the body the accusation was referred to; never for anyone else,
    /// above all never for the accused (第三十条第三款, 第四十六条第五项).
    /// </summary>
    public static bool MaySeeIdentity(Matter matter, Staff staff) =>
        matter.Purpose != Purpose.Accusation || staff.IsBureau || matter.ReferredToUnitId == staff.UnitId && matter.ReferredToUnitId is not null;

    public static Actor ActorFor(Staff staff) => new(staff.UserName, staff.UnitId, staff.Roles.Select(RoleOf).OfType<StaffRole>().ToHashSet());

    private static StaffRole? RoleOf(string role) => role switch
    {
        Roles.Admin => StaffRole.Admin,
        Roles.Registrar => StaffRole.Registrar,
        Roles.Supervisor => StaffRole.Supervisor,
        Roles.Handler => StaffRole.Handler,
        Roles.UnitHead => StaffRole.UnitHead,
        Roles.Leader => StaffRole.Leader,
        Roles.Director => StaffRole.Director,
        _ => null,
    };
}
