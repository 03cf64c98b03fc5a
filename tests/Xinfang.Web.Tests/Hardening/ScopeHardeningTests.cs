using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>What the probe found past the matter page: a matter's packages, and a search that must not confirm an accuser.</summary>
public sealed class ScopeHardeningTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Received = new(2026, 5, 11);

    [Theory, DatabaseData]
    public async Task A_matters_packages_are_not_found_for_whoever_cannot_see_the_matter(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var leader = await app.StaffAsync("610114000", "leader");
        var ours = await app.StaffAsync(Street, "handler");
        var theirs = await app.StaffAsync(OtherStreet, "handler", "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(Received));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = ours.UnitId, on = "2026-05-12" });
        var leaderId = await UserIdAsync(app, leader.UserName);
        await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync($"/api/v1/matters/{Id(matter)}/packages", new { leaderUserId = leaderId, plan = "约见信访人，协调解决", on = "2026-05-12" }, Ct));

        Assert.Equal(1, (await ours.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(matter)}/packages", Ct)).GetArrayLength());
        await Http.AssertProblemAsync(await theirs.Http.GetAsync($"/api/v1/matters/{Id(matter)}/packages", Ct), HttpStatusCode.NotFound, "matter.not-found");
        await Http.AssertProblemAsync(await theirs.Http.GetAsync($"/api/v1/matters/{Guid.NewGuid()}/packages", Ct), HttpStatusCode.NotFound, "matter.not-found");
    }

    [Theory, DatabaseData]
    public async Task The_accused_unit_cannot_read_an_accusations_packages(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var accused = await app.StaffAsync(Labour, "handler", "unit-head");
        var leader = await app.StaffAsync("610114000", "leader");
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour), "李四"));
        await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync($"/api/v1/matters/{Id(accusation)}/packages",
            new { leaderUserId = await UserIdAsync(app, leader.UserName), plan = "督促纪委监委核查", on = "2026-05-12" }, Ct));

        await Http.AssertProblemAsync(await accused.Http.GetAsync($"/api/v1/matters/{Id(accusation)}/packages", Ct), HttpStatusCode.NotFound, "matter.not-found");
    }

    [Theory, DatabaseData]
    public async Task Searching_an_accusers_name_finds_nothing_for_a_unit_that_may_not_know_it(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var accuser = "举报人" + Guid.NewGuid().ToString("N")[..6];
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour), accuser));
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });
        Assert.True((await GetAsync(street.Http, accusation)).GetProperty("identityWithheld").GetBoolean());

        foreach (var q in new[] { accuser, accuser[..4], "13912345678" })
        {
            var found = await street.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(q)}", Ct);
            Assert.DoesNotContain(found.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == Id(accusation));
        }

        var bureau = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(accuser)}", Ct);
        Assert.Contains(bureau.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == Id(accusation));
    }

    private static async Task<Guid> UserIdAsync(XinfangApp app, string userName) =>
        (await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/v1/users"))
            .EnumerateArray().First(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
}
