using System.Text.RegularExpressions;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Intake;

// No national code table for 内容分类 is known (REFERENCE.md §6.1, §9 item 5), so the taxonomy is configurable data
// with two levels: the level-1 names follow the post-2018 ministry names seen in county reports, and level 2 holds
// local topics. These defaults seed a new installation; an administrator edits them afterwards.
public static partial class Categories
{
    public const int MaxDepth = 2;

    public static IReadOnlyList<Category> Defaults { get; } =
    [
        Top("urban-construction", "城乡建设"),
        Sub("urban-construction", "heating", "供暖"),
        Sub("urban-construction", "property", "物业管理"),
        Sub("urban-construction", "demolition", "征地拆迁"),
        Sub("urban-construction", "housing", "住房保障"),
        Sub("urban-construction", "real-estate", "商品房交付与办证"),
        Sub("urban-construction", "city-management", "城市管理"),
        Top("labour", "劳动和社会保障"),
        Sub("labour", "wages", "欠薪"),
        Sub("labour", "social-insurance", "社会保险"),
        Sub("labour", "contracts", "劳动合同"),
        Sub("labour", "work-injury", "工伤认定"),
        Sub("labour", "employment", "就业创业"),
        Top("agriculture", "农业农村"),
        Sub("agriculture", "land-contract", "土地承包经营"),
        Sub("agriculture", "homestead", "宅基地"),
        Sub("agriculture", "village-affairs", "村务管理"),
        Sub("agriculture", "collective-assets", "农村集体资产"),
        Sub("agriculture", "subsidies", "惠农补贴"),
        Top("natural-resources", "自然资源"),
        Sub("natural-resources", "land", "土地权属"),
        Sub("natural-resources", "illegal-land-use", "违法用地"),
        Sub("natural-resources", "real-estate-registration", "不动产登记"),
        Sub("natural-resources", "forestry", "林地林权"),
        Sub("natural-resources", "mining", "矿产资源"),
        Top("health", "卫生健康"),
        Sub("health", "medical-disputes", "医疗纠纷"),
        Sub("health", "medical-insurance", "医疗保障"),
        Sub("health", "family-planning", "计划生育"),
        Sub("health", "public-health", "公共卫生"),
        Top("political-legal", "政法"),
        Sub("political-legal", "litigation", "诉讼与执行"),
        Sub("political-legal", "public-security", "社会治安"),
        Sub("political-legal", "law-enforcement", "执法监督"),
        Sub("political-legal", "illegal-fundraising", "非法集资"),
        Top("environment", "生态环境"),
        Sub("environment", "pollution", "环境污染"),
        Sub("environment", "noise", "噪声扰民"),
        Sub("environment", "ecology", "生态保护"),
        Top("education", "教育文体"),
        Sub("education", "enrolment", "入学招生"),
        Sub("education", "fees", "教育收费"),
        Sub("education", "teachers", "教师待遇"),
        Sub("education", "culture-sports", "文化体育"),
        Top("civil-affairs", "民政与应急"),
        Sub("civil-affairs", "social-assistance", "社会救助"),
        Sub("civil-affairs", "elderly-care", "养老服务"),
        Sub("civil-affairs", "production-safety", "安全生产"),
        Sub("civil-affairs", "disaster-relief", "防灾救灾"),
        Top("transport", "交通运输"),
        Sub("transport", "roads", "道路建设"),
        Sub("transport", "public-transport", "公共交通"),
        Sub("transport", "taxis", "出租车与网约车"),
        Top("market", "经济管理与市场监管"),
        Sub("market", "consumer", "消费维权"),
        Sub("market", "food-drug", "食品药品安全"),
        Sub("market", "pricing", "价格监管"),
        Sub("market", "enterprise-restructuring", "企业改制"),
        Top("commerce", "商贸旅游"),
        Sub("commerce", "trade", "商贸流通"),
        Sub("commerce", "tourism", "旅游投诉"),
        Top("technology", "科技与信息产业"),
        Sub("technology", "telecom", "通信服务"),
        Sub("technology", "internet", "网络信息"),
        Top("personnel", "组织人事"),
        Sub("personnel", "recruitment", "考录招聘"),
        Sub("personnel", "pay-benefits", "工资福利待遇"),
        Sub("personnel", "retired-cadres", "离退休干部"),
        Top("party-government", "党务政务"),
        Sub("party-government", "government-services", "政务服务"),
        Sub("party-government", "information-disclosure", "政府信息公开"),
        Top("discipline", "纪检监察"),
        Sub("discipline", "misconduct", "违纪违法"),
        Sub("discipline", "work-style", "作风问题"),
        Top("veterans", "军队事务与退役军人"),
        Sub("veterans", "resettlement", "退役安置"),
        Sub("veterans", "preferential-treatment", "优抚待遇"),
        Top("other", "其他"),
    ];

    public static Result<Category> Validate(Category category, IReadOnlyCollection<Category> existing)
    {
        if (string.IsNullOrWhiteSpace(category.Name))
        {
            return Error.Validation("category.name-required", "请填写分类名称。", "name");
        }

        if (category.Code is null || !CodeShape().IsMatch(category.Code))
        {
            return CodeInvalid("分类代码只能使用小写英文字母、数字和连字符（如 social-insurance），子分类写作“上级代码.子代码”（如 labour.wages），请修改。");
        }

        var depth = category.Code.Count(c => c == '.') + 1;
        if (depth > MaxDepth)
        {
            return TooDeep("code");
        }

        if (category.ParentCode is null)
        {
            return depth == 1
                ? category with { Name = category.Name.Trim() }
                : CodeInvalid("一级分类的代码不能含“.”；如要建子分类，请同时选择上级分类。");
        }

        var parent = existing.FirstOrDefault(c => c.Code == category.ParentCode);
        if (parent is null)
        {
            return Error.Validation("category.parent-not-found", $"上级分类“{category.ParentCode}”不存在，请选择已有的一级分类。", "parentCode");
        }

        if (parent.ParentCode is not null)
        {
            return TooDeep("parentCode");
        }

        return category.Code.StartsWith(parent.Code + ".", StringComparison.Ordinal)
            ? category with { Name = category.Name.Trim() }
            : CodeInvalid($"子分类的代码须以上级分类的代码加“.”开头（如 {parent.Code}.example），请修改。");
    }

    private static Category Top(string code, string name) => new(code, name, null);

    private static Category Sub(string parent, string child, string name) => new(parent + "." + child, name, parent);

    private static Error CodeInvalid(string detail) => Error.Validation("category.code-invalid", detail, "code");

    private static Error TooDeep(string field) =>
        Error.Validation("category.too-deep", "内容分类最多两级，不能在子分类下再建分类，请选择一级分类作为上级。", field);

    // Lower-case kebab-case segments joined by dots; how many dots is checked separately to give a clearer error.
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
