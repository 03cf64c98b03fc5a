using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Desk;

public sealed record DeskTile(string Title, string Icon, int Count, string Hint, string Path, bool Alert = false);

/// <summary>The counts on "my desk" for each role. Each feature adds the tiles of its own queues here.</summary>
public sealed class DeskTiles(XinfangDb db)
{
    public async Task<IReadOnlyList<DeskTile>> ForAsync(Staff staff, DateOnly today)
    {
        var tiles = new List<DeskTile>();
        if (staff.IsAdmin)
        {
            tiles.Add(new("组织机构", "bi-diagram-3", await CountAsync(db.Units), "个单位", "/admin/units"));
            tiles.Add(new("用户", "bi-people", await CountAsync(db.Users), "个账户", "/admin/users"));
        }

        if (staff.Has(Roles.Registrar))
        {
            // 待处置: registered and not yet disposed of; overdue once the 15-day limit (第二十二条) has passed.
            var registered = db.Matters.Where(m => m.Status == MatterStatus.Registered);
            var count = await CountAsync(registered);
            var overdue = await CountAsync(registered.Where(m => m.Deadlines.Any(d => d.State == DeadlineState.Open && d.IsDuty && d.DueOn < today)));
            tiles.Add(new("待处置", "bi-inboxes", count, overdue > 0 ? $"件待处置，其中 {overdue} 件已超期" : "件待处置，无超期", "/matters/queue", Alert: overdue > 0));
        }

        return tiles;
    }

    private static Task<int> CountAsync<T>(IQueryable<T> query) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query);
}
