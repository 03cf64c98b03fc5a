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

        _ = today;
        return tiles;
    }

    private static Task<int> CountAsync<T>(IQueryable<T> query) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query);
}
