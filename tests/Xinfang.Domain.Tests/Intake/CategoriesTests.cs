using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Intake;

public sealed class CategoriesTests
{
    private static readonly IReadOnlyCollection<Category> Existing = Categories.Defaults.ToList();

    [Fact]
    public void The_defaults_have_the_eighteen_level_one_categories_of_the_reference()
    {
        var topLevel = Categories.Defaults.Where(c => c.ParentCode is null).Select(c => (c.Code, c.Name));

        Assert.Equal(
        [
            ("urban-construction", "城乡建设"), ("labour", "劳动和社会保障"), ("agriculture", "农业农村"),
            ("natural-resources", "自然资源"), ("health", "卫生健康"), ("political-legal", "政法"),
            ("environment", "生态环境"), ("education", "教育文体"), ("civil-affairs", "民政与应急"),
            ("transport", "交通运输"), ("market", "经济管理与市场监管"), ("commerce", "商贸旅游"),
            ("technology", "科技与信息产业"), ("personnel", "组织人事"), ("party-government", "党务政务"),
            ("discipline", "纪检监察"), ("veterans", "军队事务与退役军人"), ("other", "其他"),
        ], topLevel);
    }

    [Theory]
    [InlineData("labour.wages", "欠薪", "labour")]
    [InlineData("labour.social-insurance", "社会保险", "labour")]
    [InlineData("urban-construction.heating", "供暖", "urban-construction")]
    [InlineData("urban-construction.property", "物业管理", "urban-construction")]
    [InlineData("urban-construction.demolition", "征地拆迁", "urban-construction")]
    [InlineData("urban-construction.housing", "住房保障", "urban-construction")]
    [InlineData("natural-resources.land", "土地权属", "natural-resources")]
    [InlineData("environment.pollution", "环境污染", "environment")]
    [InlineData("market.consumer", "消费维权", "market")]
    public void The_defaults_have_the_local_topics_the_forms_use(string code, string name, string parent) =>
        Assert.Contains(new Category(code, name, parent), Categories.Defaults);

    [Fact]
    public void Every_default_is_valid_unique_and_at_most_six_topics_per_parent()
    {
        Assert.All(Categories.Defaults, c => Assert.True(Categories.Validate(c, Existing).IsSuccess, c.Code));
        Assert.Equal(Categories.Defaults.Count, Categories.Defaults.Select(c => c.Code).Distinct().Count());
        Assert.All(Categories.Defaults.Where(c => c.ParentCode is not null).GroupBy(c => c.ParentCode), g => Assert.InRange(g.Count(), 1, 6));
    }

    [Theory]
    [InlineData("housing", "住房", null)]
    [InlineData("labour.night-shift-2", "夜班", "labour")]
    [InlineData("x1", "其他一", null)]
    public void A_well_formed_category_is_accepted(string code, string name, string? parent) =>
        Assert.True(Categories.Validate(new Category(code, name, parent), Existing).IsSuccess);

    [Fact]
    public void The_name_is_trimmed()
    {
        Assert.Equal("夜班", Categories.Validate(new Category("labour.night", " 夜班 ", "labour"), Existing).Value.Name);
    }

    [Theory]
    [InlineData("Labour", null)]
    [InlineData("labour_wages", null)]
    [InlineData("labour wages", null)]
    [InlineData("-labour", null)]
    [InlineData("labour-", null)]
    [InlineData("labour--wages", null)]
    [InlineData("1labour", null)]
    [InlineData("劳动", null)]
    [InlineData("", null)]
    [InlineData("labour.", "labour")]
    [InlineData(".wages", "labour")]
    [InlineData("labour.wages", null)]
    [InlineData("wages", "labour")]
    [InlineData("health.wages", "labour")]
    [InlineData("labourer.wages", "labour")]
    public void A_bad_code_is_refused(string code, string? parent) =>
        AssertFails(new Category(code, "名称", parent), "category.code-invalid", "code");

    [Fact]
    public void An_unknown_parent_is_refused()
    {
        var error = AssertFails(new Category("pets.dogs", "犬只管理", "pets"), "category.parent-not-found", "parentCode");
        Assert.Contains("pets", error.Detail);
    }

    [Theory]
    [InlineData("labour.wages.construction", "labour.wages", "code")]
    [InlineData("labour.wages.construction", "labour", "code")]
    [InlineData("labour.wages.construction", null, "code")]
    [InlineData("labour.construction", "labour.wages", "parentCode")]
    public void A_third_level_is_refused(string code, string? parent, string field) =>
        AssertFails(new Category(code, "建筑业欠薪", parent), "category.too-deep", field);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_name_is_refused(string? name) =>
        AssertFails(new Category("labour.night", name!, "labour"), "category.name-required", "name");

    private static Error AssertFails(Category category, string code, string field)
    {
        var error = Categories.Validate(category, Existing).Error;

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal([field], error.Fields!.Keys);
        return error;
    }
}
