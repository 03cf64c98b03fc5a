using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>Nobody in where they don't belong: unit scope, accusation confidentiality, audited views of identity.</summary>
public sealed class ScopeTests(SharedApps apps)
{
    private static readonly DateOnly Received = new(2026, 5, 11);

    [Theory, DatabaseData]
    public async Task A_handler_of_one_street_cannot_read_or_act_on_another_streets_matter(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var ours = await app.StaffAsync(Street, "handler");
        var theirs = await app.StaffAsync(OtherStreet, "handler", "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(Received, b => b["title"] = "范围测试 " + Guid.NewGuid()));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = ours.UnitId, on = "2026-05-12" });

        Assert.Equal(Id(matter), Id(await GetAsync(ours.Http, matter)));
        await Http.AssertProblemAsync(await theirs.Http.GetAsync($"/api/v1/matters/{Id(matter)}"), HttpStatusCode.NotFound, "matter.not-found");
        await Http.AssertProblemAsync(await PostActionAsync(theirs.Http, matter, "accept", new { }), HttpStatusCode.NotFound, "matter.not-found");
        var list = await theirs.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(matter.GetProperty("title").GetString()!)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal("transferred", Status(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task A_role_the_who_column_does_not_name_is_refused_with_403(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var head = await app.StaffAsync(Street, "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(Received));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = head.UnitId, on = "2026-05-12" });

        // API.md: accept is the handler's; a unit head alone may not.
        await Http.AssertProblemAsync(await PostActionAsync(head.Http, matter, "accept", new { }), HttpStatusCode.Forbidden, "matter.forbidden");
        // and the registrar may not accept for the unit.
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "accept", new { }), HttpStatusCode.Forbidden, "matter.forbidden");
        Assert.Equal("transferred", Status(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task An_accusation_cannot_be_transferred_to_the_accused_unit(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour)));

        var response = await PostActionAsync(registrar.Http, accusation, "transfer", new { unitId = await app.UnitIdAsync(Labour) });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.accused-unit");
        Assert.Contains("第三十条", problem.GetProperty("detail").GetString());
    }

    [Theory, DatabaseData]
    public async Task The_accusers_identity_is_for_the_bureau_and_the_referral_target_only(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var discipline = await app.StaffAsync(Discipline, "handler");
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour)));
        Assert.Equal(await app.UnitIdAsync(Discipline), accusation.GetProperty("suggestion").GetProperty("unitId").GetGuid());

        accusation = await ActAsync(registrar.Http, accusation, "refer", new { unitId = discipline.UnitId, note = "按干部管理权限移送", on = "2026-05-12" });
        Assert.Equal("referred", Status(accusation));
        Assert.Contains("referral-letter", NoticeKinds(accusation));
        Assert.True(accusation.GetProperty("events")[1].GetProperty("data").GetProperty("followedSuggestion").GetBoolean());

        var seenByDiscipline = await GetAsync(discipline.Http, accusation);
        Assert.Equal("李四", seenByDiscipline.GetProperty("petitioners")[0].GetProperty("name").GetString());

        // A transferred accusation (not referred) keeps the accuser hidden from the unit that handles it.
        var transferred = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour)));
        var street = await app.StaffAsync(Street, "handler");
        transferred = await ActAsync(registrar.Http, transferred, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });
        var seenByStreet = await GetAsync(street.Http, transferred);
        Assert.True(seenByStreet.GetProperty("identityWithheld").GetBoolean());
        Assert.DoesNotContain("李四", seenByStreet.ToString());
        Assert.DoesNotContain("13912345678", seenByStreet.ToString());
        await Http.AssertProblemAsync(await street.Http.GetAsync($"/api/v1/matters/{Id(transferred)}/petitioners"),
            HttpStatusCode.Forbidden, "matter.identity-withheld");
    }

    [Theory, DatabaseData]
    public async Task Seeing_an_unmasked_id_number_is_written_to_the_audit_trail(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(Received));

        var identities = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters/{Id(matter)}/petitioners");

        Assert.Equal("610114198005170011", identities[0].GetProperty("idNumber").GetString());
        var viewed = await app.WithDbAsync(d => System.Threading.Tasks.Task.FromResult(
            d.AuditEntries.Count(a => a.Action == "view" && a.EntityId == Id(matter).ToString() && a.Actor == registrar.UserName)));
        Assert.Equal(1, viewed);
    }
}
