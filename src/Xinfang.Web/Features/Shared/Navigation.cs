using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Shared;

/// <summary>
/// The menu, grouped as the bureau groups its work (五个法治化: 预防 · 受理 · 办理 · 监督 · 秩序) plus 统计 and 管理.
/// One list, so that a page appears in the menu exactly when it exists and the user's role may open it.
/// </summary>
public static class Navigation
{
    public sealed record Link(string Title, string Path, string Icon, params string[] Roles);

    public sealed record Area(string Title, string Icon, IReadOnlyList<Link> Links);

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("预防", "bi-shield-check", [
            new("矛盾纠纷台账", "/prevention/ledger", "bi-journal-text", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Handler, Roles.UnitHead),
            new("排查周期", "/prevention/rounds", "bi-arrow-repeat", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Handler, Roles.UnitHead),
            new("分析研判", "/prevention/analysis", "bi-graph-up", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Handler, Roles.UnitHead),
            new("培训与宣传", "/prevention/activities", "bi-megaphone", Roles.Registrar, Roles.Supervisor, Roles.Director),
        ]),
        new("受理", "bi-inbox", [
            new("信访登记", "/matters/new", "bi-pencil-square", Roles.Registrar),
            new("待处置", "/matters/queue", "bi-inboxes", Roles.Registrar),
            new("事项查询", "/matters", "bi-search", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Handler, Roles.UnitHead, Roles.Leader),
        ]),
        new("办理", "bi-briefcase", [
            new("我的办理台", "/desk/handling", "bi-briefcase", Roles.Handler, Roles.UnitHead),
            new("我的包案", "/packages", "bi-person-badge", Roles.Leader),
            new("期限计算器", "/calendar/due", "bi-calculator"),
        ]),
        new("监督", "bi-eye", [
            new("集中督查督办", "/supervision", "bi-eye", Roles.Registrar, Roles.Supervisor, Roles.Director),
            new("领导督查视图", "/supervision/leaders", "bi-flag", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Leader),
            new("三项建议", "/supervision/suggestions", "bi-lightbulb", Roles.Registrar, Roles.Supervisor, Roles.Director, Roles.Handler, Roles.UnitHead),
        ]),
        new("秩序", "bi-sign-stop", [
            // The page's policy (Policies.Bureau) admits the bureau's roles: the menu offers it to exactly those.
            new("接待秩序记录", "/order/incidents", "bi-sign-stop", [.. Roles.Bureau]),
        ]),
        new("统计", "bi-bar-chart", [
            new("统计看板", "/statistics", "bi-bar-chart", Roles.Registrar, Roles.Supervisor, Roles.Director),
            new("年度报告", "/statistics/annual", "bi-file-earmark-word", Roles.Registrar, Roles.Supervisor, Roles.Director),
            new("统计口径", "/statistics/definitions", "bi-journal-text", Roles.Registrar, Roles.Supervisor, Roles.Director),
        ]),
        new("管理", "bi-gear", [
            new("组织机构", "/admin/units", "bi-diagram-3", Roles.Admin),
            new("用户与角色", "/admin/users", "bi-people", Roles.Admin),
            new("分流规则", "/admin/routing", "bi-signpost-split", Roles.Admin),
            new("文书模板", "/admin/templates", "bi-file-earmark-text", Roles.Admin),
            // The exchange with the provincial and national systems is the bureau's, as its API (Policies.Bureau).
            new("交换包导入导出", "/exchange", "bi-box-arrow-in-down", [.. Roles.Bureau]),
            new("内容分类", "/admin/categories", "bi-tags", Roles.Admin),
            new("台账矛盾类型", "/prevention/topics", "bi-bookmarks", Roles.Admin),
            new("工作日历", "/admin/calendar", "bi-calendar3", Roles.Admin),
            new("期限规则", "/admin/periods", "bi-hourglass-split", Roles.Admin),
            new("审计记录", "/audit", "bi-journal-check", Roles.Auditor, Roles.SecurityAdmin),
        ]),
    ];

    public static IEnumerable<Link> For(Area area, Staff staff) =>
        area.Links.Where(l => l.Roles.Length == 0 || l.Roles.Any(staff.Has));
}
