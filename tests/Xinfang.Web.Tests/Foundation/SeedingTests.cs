using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>What the first start puts into an empty database, and that later starts add nothing.</summary>
public sealed class SeedingTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Streets = ["凤凰路街道办事处", "新华路街道办事处", "振兴街道办事处", "新兴街道办事处", "北屯街道办事处"];

    private static readonly string[] Towns = ["武屯镇人民政府", "关山镇人民政府"];

    [Theory, DatabaseData]
    public async Task The_Yanliang_organisation_tree_is_seeded(Db db)
    {
        var app = await apps.For(db);

        var units = (await (await app.AdminAsync()).GetFromJsonAsync<List<JsonElement>>("/api/v1/units", Ct))!
            .ToDictionary(u => u.GetProperty("name").GetString()!);

        var bureau = units["阎良区信访局"];
        Assert.Equal("610114", bureau.GetProperty("code").GetString());
        Assert.Equal("bureau", bureau.GetProperty("kind").GetString());
        Assert.All(Streets, s => Assert.Equal("street", units[s].GetProperty("kind").GetString()));
        Assert.All(Towns, t => Assert.Equal("town", units[t].GetProperty("kind").GetString()));
        Assert.Equal("discipline", units["阎良区纪委监委"].GetProperty("kind").GetString());
        Assert.Equal("political-legal", units["阎良区人民法院"].GetProperty("kind").GetString());
        Assert.Equal("political-legal", units["阎良区人民检察院"].GetProperty("kind").GetString());
        Assert.Equal("superior", units["西安市人民政府"].GetProperty("kind").GetString());
        Assert.Equal("superior", units["西安市信访局"].GetProperty("kind").GetString());
        Assert.Equal("department", units["阎良区人力资源和社会保障局"].GetProperty("kind").GetString());
        Assert.Equal("department", units["阎良区住房和城乡建设局"].GetProperty("kind").GetString());

        var district = units["阎良区委区政府"].GetProperty("id").GetGuid();
        Assert.All(Streets.Concat(Towns), s =>
        {
            Assert.Equal(district, units[s].GetProperty("reviewBodyId").GetGuid());
            Assert.Equal(district, units[s].GetProperty("parentId").GetGuid());
        });
        Assert.Equal(units["西安市人民政府"].GetProperty("id").GetGuid(), units["阎良区委区政府"].GetProperty("reviewBodyId").GetGuid());
    }

    [Theory, DatabaseData]
    public async Task Starting_again_on_the_same_database_adds_nothing(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        Counts first, second;
        await using (var app = XinfangApp.StartOn(database))
        {
            first = await CountAsync(app);
        }

        await using (var app = XinfangApp.StartOn(database))
        {
            second = await CountAsync(app);
            await app.AdminAsync();
        }

        Assert.Equal(first, second);
        Assert.True(first.Units > 30, $"{first.Units} units");
        Assert.Equal(Roles.All.Count, first.Roles);
        Assert.Equal(1, first.Users);
    }

    [Theory, DatabaseData]
    public async Task Two_servers_starting_at_once_on_an_empty_database_seed_it_once(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);

        var apps = await Task.WhenAll(Task.Run(() => XinfangApp.StartOn(database), Ct), Task.Run(() => XinfangApp.StartOn(database), Ct));

        await using (apps[0])
        await using (apps[1])
        {
            var counts = await CountAsync(apps[0]);
            Assert.Equal(Roles.All.Count, counts.Roles);
            Assert.Equal(1, counts.Users);
            Assert.Equal(counts.Units, await apps[1].WithDbAsync(d => d.Units.Select(u => u.Code).Distinct().CountAsync(Ct)));
            await apps[1].AdminAsync();
        }
    }

    [Theory, DatabaseData]
    public async Task Without_a_configured_password_the_administrator_must_change_the_generated_one(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db, adminPassword: null);

        var admin = await app.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", Ct));

        Assert.True(admin.MustChangePassword);
        Assert.Equal("系统管理员", admin.DisplayName);
        var login = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = XinfangApp.AdminPassword }, Ct);
        await Http.AssertProblemAsync(login, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Theory, DatabaseData]
    public async Task With_a_configured_password_the_administrator_may_work_at_once(Db db)
    {
        var app = await apps.For(db);

        var admin = await app.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", Ct));

        Assert.False(admin.MustChangePassword);
        Assert.Equal(HttpStatusCode.OK, (await (await app.AdminAsync()).GetAsync("/api/v1/users", Ct)).StatusCode);
    }

    private sealed record Counts(int Units, int Roles, int Users, long AuditEntries);

    private static Task<Counts> CountAsync(XinfangApp app) => app.WithDbAsync(async d => new Counts(
        await d.Units.CountAsync(Ct), await d.Roles.CountAsync(Ct), await d.Users.CountAsync(Ct), await d.AuditEntries.LongCountAsync(Ct)));
}
