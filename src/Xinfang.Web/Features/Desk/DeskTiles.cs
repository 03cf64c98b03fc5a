using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Desk;

public sealed record DeskTile(string Title, string Icon, int Count, string Hint, string Path, bool Alert = false);

/// <summary>The counts on "my desk" for each role. Each feature adds the tiles of its own queues here.</summary>
public sealed class DeskTiles(XinfangDb db, MatterList matters, LeaderPackages packages, TimeProvider time)
{
    /// <summary>回访 after a 不满意 rating (the portal's evaluation), red when one is past its due date.</summary>
    private async Task<DeskTile> ReturnVisitTileAsync(Guid unit)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var open = db.Set<ReturnVisit>().Where(r => r.UnitId == unit && r.DoneOn == null);
        var overdue = await open.CountAsync(r => r.DueOn < today);
        return new("待回访", "bi-telephone-outbound", await open.CountAsync(), overdue > 0 ? $"件不满意待回访，{overdue} 件已超期" : "件不满意待回访",
            "/desk/return-visits", overdue > 0);
    }

    public async Task<IReadOnlyList<DeskTile>> ForAsync(Staff staff)
    {
        var tiles = new List<DeskTile>();
        if (staff.Has(Roles.Handler) || staff.Has(Roles.UnitHead))
        {
            var unit = staff.UnitId;
            tiles.Add(await CountTileAsync("待受理", "bi-inbox", "件待受理", "/desk/handling", new MatterFilter([MatterStatus.Transferred, MatterStatus.Assigned], unit)));
            tiles.Add(await CountTileAsync("办理中", "bi-hourglass-split", "件办理中", "/desk/handling", new MatterFilter([MatterStatus.Accepted], unit),
                new MatterFilter([MatterStatus.Accepted], unit, Overdue: true)));
            if (staff.Has(Roles.UnitHead))
            {
                tiles.Add(await CountTileAsync("待审批", "bi-pen", "份处理意见待审批", "/desk/handling", new MatterFilter(UnitId: unit) { AwaitingApproval = true }));
            }

            tiles.Add(await CountTileAsync("待送达", "bi-send", "件有文书待送达", "/desk/handling", new MatterFilter { UndeliveredBy = unit }));
        }

        if (staff.Has(Roles.Handler) || staff.Has(Roles.UnitHead) || staff.Has(Roles.Registrar))
        {
            tiles.Add(await ReturnVisitTileAsync(staff.UnitId));
        }

        if (staff.Has(Roles.Leader))
        {
            var mine = await packages.MineAsync();
            tiles.Add(new("我的包案", "bi-person-badge", mine.Count(p => p.ResolvedOn is null), "件包案未化解", "/packages"));
        }

        if (staff.IsAdmin)
        {
            tiles.AddRange(await SetUpAsync());
        }

        if (staff.Has(Roles.Auditor) || staff.Has(Roles.SecurityAdmin))
        {
            // Today as the bureau counts days: from midnight China time.
            var today = ChinaTime.DateOf(db.Time.GetUtcNow());
            var since = ChinaTime.StartOf(today);
            tiles.Add(new("登录失败", "bi-shield-exclamation",
                await CountAsync(db.AuditEntries.Where(a => a.At >= since && (a.Action == "login-failed" || a.Action == "login-throttled"))),
                "次（今日）", $"/audit?Action=login-failed&From={today:yyyy-MM-dd}"));
        }

        if (staff.Has(Roles.Registrar))
        {
            // 待处置: registered and not yet disposed of; overdue once the 15-day limit (第二十二条) has passed.
            tiles.Add(await CountTileAsync("待处置", "bi-inboxes", "件待处置", "/matters/queue",
                QueueModel.Waiting, QueueModel.Waiting with { Overdue = true }));
            var dueToday = await CountTileAsync("今日到期", "bi-alarm", "件待处置今日到期（第二十二条）", "/matters/queue?dueToday=true", QueueModel.DueTodayOf(QueueModel.Waiting));
            tiles.Add(dueToday with { Alert = dueToday.Count > 0 });
            // The bureau's own notices (转送告知、不予受理告知书 …) to hand to the petitioner; the units see theirs above.
            if (!staff.Has(Roles.Handler) && !staff.Has(Roles.UnitHead))
            {
                tiles.Add(await CountTileAsync("待送达", "bi-send", "件有本单位文书待送达", "/matters?undelivered=true", new MatterFilter { Undelivered = true }));
            }
        }

        if (staff.Has(Roles.Registrar) || staff.Has(Roles.Supervisor))
        {
            // Kept and counted (凡访必登): what the registrar set aside as spam, for the supervisor to review.
            tiles.Add(await CountTileAsync("垃圾信息", "bi-trash3", "件网上信访标记为垃圾信息", "/matters/queue?spam=true", new MatterFilter([MatterStatus.Registered]) { Spam = true }));
        }

        return tiles;
    }

    /// <summary>
    /// The administrator's home: what is left to set up. Units that handle matters but have nobody to sign in, the
    /// routing rules, and from November next year's holiday calendar (the State Council publishes it in the autumn;
    /// without it next year's due dates are provisional).
    /// </summary>
    private async Task<IReadOnlyList<DeskTile>> SetUpAsync()
    {
        var working = db.Units.Where(u => u.IsActive && (u.Kind == UnitKind.Bureau || u.Kind == UnitKind.Street || u.Kind == UnitKind.Town || u.Kind == UnitKind.Department));
        var withoutUsers = await CountAsync(working.Where(u => !db.Users.Any(s => s.UnitId == u.Id && s.IsActive)));
        var tiles = new List<DeskTile>
        {
            new("组织机构", "bi-diagram-3", await CountAsync(db.Units), "个单位", "/admin/units"),
            new("尚无用户的单位", "bi-people", withoutUsers, withoutUsers > 0 ? "个承办单位还没有可登录的用户" : "每个承办单位都已有用户", "/admin/users", withoutUsers > 0),
            new("分流规则", "bi-signpost-split", await CountAsync(db.Set<RoutingRule>()), "条分流规则", "/admin/routing"),
        };
        var today = ChinaTime.DateOf(time.GetUtcNow());
        if (today.Month >= 11)
        {
            var next = today.Year + 1;
            var entered = await CountAsync(db.Set<CalendarYearRecord>().Where(y => y.Year == next)) > 0;
            tiles.Add(new($"{next}年工作日历", "bi-calendar3", entered ? 1 : 0, entered ? "已录入节假日安排" : "尚未录入国务院节假日安排", "/admin/calendar", !entered));
        }

        return tiles;
    }

    /// <summary>A count from the same queries as the queues, with the overdue part (if asked) making the tile red.</summary>
    private async Task<DeskTile> CountTileAsync(string title, string icon, string hint, string path, MatterFilter filter, MatterFilter? overdueFilter = null)
    {
        var total = (await matters.FindAsync(filter with { PageSize = 1, ExactCount = true })).Value.Total;
        var overdue = overdueFilter is null ? 0 : (await matters.FindAsync(overdueFilter with { PageSize = 1, ExactCount = true })).Value.Total;
        return new DeskTile(title, icon, total, overdue > 0 ? $"{hint}，其中 {overdue} 件已超期" : hint, path, overdue > 0);
    }

    private static Task<int> CountAsync<T>(IQueryable<T> query) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query);
}
