using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

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

}
