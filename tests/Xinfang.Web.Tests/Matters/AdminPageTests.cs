using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Routing;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Matters;

/// <summary>管理 · 分流规则 and 管理 · 内容分类: the administrator's pages, with the domain's messages.</summary>
public sealed class AdminPageTests
{
    [Theory, DatabaseData]
    public async Task Routing_rules_are_added_edited_and_deleted_with_the_domain_messages(Db db)
    {
        // Its own app: rules change the suggestions every other test would see.
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await PageSession.AdminAsync(app);
        var labour = (await app.UnitIdAsync(MatterApi.Labour)).ToString();
        var street = (await app.UnitIdAsync(MatterApi.Street)).ToString();
        var page = await admin.GetPageAsync("/admin/routing");
        Assert.Contains("检举控告按干部管理权限移送纪检监察机关", page);

        var noCondition = await admin.PostFormAsync("/admin/routing", page, ("Input.TargetUnitId", labour), ("Input.Note", "没有条件"));
        var noTarget = await admin.PostFormAsync("/admin/routing", page, ("Input.CategoryCode", "labour.wages"));
        Assert.Contains("请至少设置一个条件", await noCondition.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("建议的目标单位不存在或已停用", await noTarget.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var added = await admin.PostFormAsync("/admin/routing", page,
            ("Input.CategoryCode", "labour.wages"), ("Input.LocationUnitId", street), ("Input.TargetUnitId", labour), ("Input.Note", "凤凰路欠薪"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rule = await app.WithDbAsync(d => d.Set<RoutingRule>().SingleAsync(r => r.Note == "凤凰路欠薪"));
        var listed = await admin.GetPageAsync("/admin/routing");
        Assert.Contains("凤凰路欠薪", listed);
        Assert.Contains("已新增分流规则", listed);

        var edit = await admin.GetPageAsync($"/admin/routing?edit={rule.Id}");
        Assert.Contains("编辑规则", edit);
        var edited = await admin.PostFormAsync("/admin/routing", edit, ("Id", rule.Id.ToString()),
            ("Input.CategoryCode", "labour.wages"), ("Input.Purpose", "Claim"), ("Input.TargetUnitId", labour), ("Input.Note", "欠薪求决"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await app.WithDbAsync(d => d.Set<RoutingRule>().SingleAsync(r => r.Id == rule.Id));
        Assert.Equal(("欠薪求决", (Guid?)null), (changed.Note, changed.LocationUnitId));

        var deleted = await admin.PostFormAsync($"/admin/routing?handler=Delete&id={rule.Id}", edit);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.Set<RoutingRule>().AnyAsync(r => r.Id == rule.Id)));
    }

    [Theory, DatabaseData]
    public async Task Categories_are_added_and_edited_with_the_domain_messages(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await PageSession.AdminAsync(app);
        var page = await admin.GetPageAsync("/admin/categories");
        Assert.Contains("劳动和社会保障", page);
        Assert.Contains("labour.wages", page);

        var badCode = await admin.PostFormAsync("/admin/categories", page, ("Input.Code", "Bad Code"), ("Input.Name", "错误"), ("Input.IsActive", "true"));
        var wrongParent = await admin.PostFormAsync("/admin/categories", page,
            ("Input.Code", "health.wages"), ("Input.Name", "错挂"), ("Input.ParentCode", "labour"), ("Input.IsActive", "true"));
        Assert.Contains("分类代码只能使用小写英文字母", await badCode.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("子分类的代码须以上级分类的代码加“.”开头", await wrongParent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var added = await admin.PostFormAsync("/admin/categories", page,
            ("Input.Code", "labour.pension-arrears"), ("Input.Name", "养老金拖欠"), ("Input.ParentCode", "labour"), ("Input.IsActive", "true"), ("Input.IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("养老金拖欠", await admin.GetPageAsync("/admin/categories"));

        var edit = await admin.GetPageAsync("/admin/categories?edit=labour.pension-arrears");
        var retired = await admin.PostFormAsync("/admin/categories", edit,
            ("Editing", "labour.pension-arrears"), ("Input.Name", "养老金拖欠发放"), ("Input.ParentCode", "labour"), ("Input.IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Contains("已停用", await admin.GetPageAsync("/admin/categories"));

        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        Assert.DoesNotContain("labour.pension-arrears", await registrar.GetPageAsync("/matters/new?handler=Categories"));
    }
}
