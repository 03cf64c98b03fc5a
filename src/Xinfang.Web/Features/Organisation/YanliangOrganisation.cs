using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Organisation;

/// <summary>
/// The organisation tree of the model user, the Yanliang District Petition Bureau (阎良区信访局, 610114), seeded on
/// first start. Review bodies follow the common reading of 第三十五条: a street's, town's or department's opinion is
/// reviewed by the district government, the district government's by the city government. Administrators change
/// this in 管理 · 组织机构 when local regulations say otherwise.
/// </summary>
public static class YanliangOrganisation
{
    public sealed record Seed(string Code, string Name, string Abbreviation, UnitKind Kind, string? ParentCode, string? ReviewBodyCode);

    public const string BureauCode = "610114";
    public const string DistrictCode = "610114000";
    public const string CityGovernmentCode = "610100";

    /// <summary>
    /// The routing rules of a new installation: accusations to discipline inspection and law-related matters to the
    /// political-legal committee (第二十二条第二款), and each topic to the department that usually has power over it.
    /// </summary>
    public static readonly IReadOnlyList<(string? Category, Purpose? Purpose, MatterFlag? Flag, string UnitCode, string? Note)> Routing =
    [
        (null, Purpose.Accusation, null, "610114501", "检举控告按干部管理权限移送纪检监察机关"),
        (null, null, MatterFlag.LawRelated, "610114403", "涉法涉诉事项交政法机关"),
        ("labour", null, null, "610114301", null),
        ("urban-construction.heating", null, null, "610114302", null),
        ("urban-construction.property", null, null, "610114302", null),
        ("urban-construction.housing", null, null, "610114302", null),
        ("urban-construction.real-estate", null, null, "610114302", null),
        ("urban-construction.city-management", null, null, "610114303", null),
        ("urban-construction.demolition", null, null, "610114304", null),
        ("natural-resources", null, null, "610114304", null),
        ("environment", null, null, "610114305", null),
        ("market", null, null, "610114306", null),
        ("education", null, null, "610114307", null),
        ("health", null, null, "610114308", null),
        ("civil-affairs", null, null, "610114309", null),
        ("transport", null, null, "610114310", null),
        ("agriculture", null, null, "610114311", null),
        ("political-legal.public-security", null, null, "610114312", null),
        ("veterans", null, null, "610114314", null),
    ];

    public static readonly IReadOnlyList<Seed> Units =
    [
        new(CityGovernmentCode, "西安市人民政府", "市政府", UnitKind.Superior, null, null),
        new("610100901", "西安市信访局", "市信访局", UnitKind.Superior, CityGovernmentCode, null),
        new(DistrictCode, "阎良区委区政府", "阎政", UnitKind.Government, CityGovernmentCode, CityGovernmentCode),
        new(BureauCode, "阎良区信访局", "阎信", UnitKind.Bureau, DistrictCode, DistrictCode),

        new("610114001", "凤凰路街道办事处", "凤凰路街办", UnitKind.Street, DistrictCode, DistrictCode),
        new("610114002", "新华路街道办事处", "新华路街办", UnitKind.Street, DistrictCode, DistrictCode),
        new("610114003", "振兴街道办事处", "振兴街办", UnitKind.Street, DistrictCode, DistrictCode),
        new("610114004", "新兴街道办事处", "新兴街办", UnitKind.Street, DistrictCode, DistrictCode),
        new("610114005", "北屯街道办事处", "北屯街办", UnitKind.Street, DistrictCode, DistrictCode),
        new("610114100", "武屯镇人民政府", "武屯镇", UnitKind.Town, DistrictCode, DistrictCode),
        new("610114101", "关山镇人民政府", "关山镇", UnitKind.Town, DistrictCode, DistrictCode),

        new("610114301", "阎良区人力资源和社会保障局", "阎人社", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114302", "阎良区住房和城乡建设局", "阎住建", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114303", "阎良区城市管理和综合执法局", "阎城管", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114304", "西安市自然资源和规划局阎良分局", "阎资规", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114305", "西安市生态环境局阎良分局", "阎环", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114306", "阎良区市场监督管理局", "阎市监", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114307", "阎良区教育局", "阎教", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114308", "阎良区卫生健康局", "阎卫健", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114309", "阎良区民政局", "阎民", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114310", "阎良区交通运输局", "阎交", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114311", "阎良区农业农村局", "阎农", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114312", "西安市公安局阎良分局", "阎公", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114313", "阎良区财政局", "阎财", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114314", "阎良区退役军人事务局", "阎退役", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114315", "阎良区司法局", "阎司", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114316", "阎良区水务局", "阎水", UnitKind.Department, DistrictCode, DistrictCode),
        new("610114317", "阎良区应急管理局", "阎应急", UnitKind.Department, DistrictCode, DistrictCode),

        new("610114401", "阎良区人民法院", "阎法", UnitKind.PoliticalLegal, DistrictCode, null),
        new("610114402", "阎良区人民检察院", "阎检", UnitKind.PoliticalLegal, DistrictCode, null),
        new("610114403", "中共阎良区委政法委员会", "阎政法", UnitKind.PoliticalLegal, DistrictCode, null),
        new("610114501", "阎良区纪委监委", "阎纪", UnitKind.Discipline, DistrictCode, null),
    ];

    /// <summary>The tree on first start; nothing when any unit exists.</summary>
    public static async Task SeedAsync(XinfangDb db, CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(cancellationToken))
        {
            return;
        }

        var ids = Units.ToDictionary(u => u.Code, _ => Guid.CreateVersion7());
        foreach (var seed in Units)
        {
            db.Units.Add(new Unit(ids[seed.Code], seed.Code, seed.Name, seed.Kind,
                seed.ParentCode is null ? null : ids[seed.ParentCode],
                seed.ReviewBodyCode is null ? null : ids[seed.ReviewBodyCode], seed.Abbreviation));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
