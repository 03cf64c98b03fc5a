using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>Edits of the organisation tree that the rules refuse (OrganisationRules): a problem, and nothing stored.</summary>
public sealed class UnitApiTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task A_unit_with_an_invalid_code_is_refused_and_not_stored(Db db)
    {
        var (app, admin) = await AdminOfAsync(db);
        var name = NewName();

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code = "6 1 4", name, kind = "department", parentId = await app.UnitIdAsync("610114000") }, Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "unit.code-invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Null(await FindAsync(admin, name));
    }

    [Theory, DatabaseData]
    public async Task A_unit_with_a_code_already_in_use_is_refused_and_not_stored(Db db)
    {
        var (app, admin) = await AdminOfAsync(db);
        var name = NewName();

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code = "610114", name, kind = "department", parentId = await app.UnitIdAsync("610114000") }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Conflict, "unit.code-taken");
        Assert.Null(await FindAsync(admin, name));
    }

    [Theory, DatabaseData]
    public async Task A_unit_under_a_parent_that_does_not_exist_is_refused_and_not_stored(Db db)
    {
        var (_, admin) = await AdminOfAsync(db);
        var name = NewName();

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code = NewCode(), name, kind = "department", parentId = Guid.NewGuid() }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "unit.parent-not-found");
        Assert.Null(await FindAsync(admin, name));
    }

    [Theory, DatabaseData]
    public async Task A_unit_cannot_become_its_own_grandparent(Db db)
    {
        var (app, admin) = await AdminOfAsync(db);
        var district = await app.UnitIdAsync("610114000");
        var (grandparentCode, grandparentName) = (NewCode(), NewName());
        var grandparent = await CreateAsync(admin, grandparentCode, grandparentName, district);
        var child = await CreateAsync(admin, NewCode(), NewName(), grandparent);

        var response = await admin.PutAsJsonAsync($"/api/v1/units/{grandparent}",
            new { code = grandparentCode, name = grandparentName, kind = "department", parentId = child }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "unit.cycle");
        var stored = (await FindAsync(admin, grandparentName))!.Value;
        Assert.Equal(district, stored.GetProperty("parentId").GetGuid());
        Assert.Equal(0, stored.GetProperty("version").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task A_unit_cannot_be_its_own_review_body(Db db)
    {
        var (app, admin) = await AdminOfAsync(db);
        var district = await app.UnitIdAsync("610114000");
        var (code, name) = (NewCode(), NewName());
        var unit = await CreateAsync(admin, code, name, district);

        var response = await admin.PutAsJsonAsync($"/api/v1/units/{unit}",
            new { code, name, kind = "department", parentId = district, reviewBodyId = unit }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "unit.review-body-self");
        var stored = (await FindAsync(admin, name))!.Value;
        Assert.Equal(district, stored.GetProperty("reviewBodyId").GetGuid());
        Assert.Equal(0, stored.GetProperty("version").GetInt32());
    }

    private async Task<(XinfangApp App, HttpClient Admin)> AdminOfAsync(Db db)
    {
        var app = await apps.For(db);
        return (app, await app.AdminAsync());
    }

    private static string NewCode() => "U" + Guid.NewGuid().ToString("N")[..10];

    private static string NewName() => "测试单位" + Guid.NewGuid().ToString("N")[..6];

    private static async Task<Guid> CreateAsync(HttpClient admin, string code, string name, Guid parentId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code, name, kind = "department", parentId, reviewBodyId = parentId }, Ct);
        await Http.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement?> FindAsync(HttpClient admin, string name)
    {
        var units = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/units", Ct);
        return units!.Where(u => u.GetProperty("name").GetString() == name).Select(u => (JsonElement?)u).SingleOrDefault();
    }
}
