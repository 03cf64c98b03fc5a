namespace Xinfang.Domain.Prevention;

/// <summary>
/// The topics (矛盾类型) a ledger starts with. The bureau's first measure names 冬季供暖 and 欠薪; the rest are the
/// usual sources of disputes in a district. The list is data (editable by the administrator); these are the seed.
/// </summary>
public static class LedgerTopics
{
    public static readonly IReadOnlyList<(string Code, string Name)> Seed =
    [
        ("heating", "冬季供暖"),
        ("wages", "欠薪"),
        ("land", "征地拆迁"),
        ("property", "物业"),
        ("housing", "房屋质量"),
        ("environment", "环境污染"),
        ("neighbours", "邻里纠纷"),
        ("family", "婚姻家庭"),
        ("other", "其他"),
    ];
}
