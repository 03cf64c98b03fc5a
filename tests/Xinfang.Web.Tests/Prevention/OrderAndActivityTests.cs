using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Prevention;

/// <summary>The order log is the bureau's alone and stays off the matter; activities feed the annual counts.</summary>
public sealed class OrderAndActivityTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task The_incident_log_is_visible_to_the_bureau_only_and_not_shown_with_the_matter(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(MatterApi.Labour, "handler", "unit-head");
        var matter = await MatterApi.RegisterAsync(registrar.Http, MatterApi.Letter(new DateOnly(2026, 11, 20), m => m["channel"] = "visit"));
        var outcome = "经劝阻后离开" + Guid.NewGuid().ToString("N")[..6];

        var response = await registrar.Http.PostAsJsonAsync("/api/v1/incidents", new
        {
            matterId = MatterApi.Id(matter), on = "2026-11-20T10:30:00+08:00", behaviour = "lingering", staffAction = new[] { "dissuade", "educate" },
            policeCalled = true, outcome,
        }, Ct);
        await Http.EnsureAsync(response);
        Assert.Equal("劝阻、教育", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("staffActionLabel").GetString());

        Assert.Contains(outcome, await registrar.Http.GetStringAsync("/api/v1/incidents", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Http.GetAsync("/api/v1/incidents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Http.PostAsJsonAsync("/api/v1/incidents", new { behaviour = "other" }, Ct)).StatusCode);
        var moved = await MatterApi.ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2026-11-23" });
        Assert.DoesNotContain(outcome, await unit.Http.GetStringAsync($"/api/v1/matters/{MatterApi.Id(moved)}", Ct));
        await Http.AssertProblemAsync(await registrar.Http.PostAsJsonAsync("/api/v1/incidents", new { on = "2026-11-20T10:30:00+08:00", behaviour = "other", staffAction = Array.Empty<string>(), outcome = "x" }, Ct),
            HttpStatusCode.UnprocessableEntity, "incident.staff-action-required");
    }

    [Theory, DatabaseData]
    public async Task Trainings_publicity_and_lawyer_duty_days_are_recorded_and_bad_ones_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var topic = "《信访工作条例》培训" + Guid.NewGuid().ToString("N")[..6];

        await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync("/api/v1/activities",
            new { kind = "training", on = "2026-11-05", topic, organiser = "区信访局", units = "各街道、镇", sessions = 2, persons = 30 }, Ct));
        await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync("/api/v1/activities",
            new { kind = "publicity", on = "2026-11-06", topic = "信访法治宣传", place = "千禧广场", persons = 500 }, Ct));
        await Http.AssertProblemAsync(await registrar.Http.PostAsJsonAsync("/api/v1/activities",
            new { kind = "lawyer-duty", on = "2026-11-07", topic = "王律师", persons = 3 }, Ct), HttpStatusCode.UnprocessableEntity, "activity.invalid");

        var list = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/activities?kind=training", Ct);
        var training = list.EnumerateArray().Single(a => a.GetProperty("topic").GetString() == topic);
        Assert.Equal((2, 30), (training.GetProperty("sessions").GetInt32(), training.GetProperty("persons").GetInt32()));
    }

    /// <summary>
    /// The annual report's "其他工作情况" counts what was recorded in its year, by the one definition the activities page
    /// shows too: training sessions and person-times, publicity events and reach, lawyers' duty days (two lawyers on one
    /// day are one day) and visitors, ledger items screened, resolved, become petitions and open at the year's end.
    /// Counted as the change over what the shared database held before, in a year no other test writes to.
    /// </summary>
    [Theory, DatabaseData]
    public async Task The_annual_report_counts_the_years_trainings_publicity_lawyer_days_and_ledger_by_one_definition(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        async Task<JsonElement> WorkAsync() => (await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/annual/2021", Ct)).GetProperty("work");
        var before = await WorkAsync();

        foreach (var activity in new object[]
        {
            new { kind = "training", on = "2021-03-01", topic = "条例培训", sessions = 3, persons = 40 },
            new { kind = "training", on = "2021-05-01", topic = "业务培训", sessions = 2, persons = 25 },
            new { kind = "training", on = "2020-12-31", topic = "上一年的培训", sessions = 9, persons = 99 },
            new { kind = "publicity", on = "2021-06-01", topic = "信访法治宣传", place = "千禧广场", persons = 500 },
            new { kind = "lawyer-duty", on = "2021-07-01", topic = "王律师", organiser = "秦风律师事务所", persons = 3 },
            new { kind = "lawyer-duty", on = "2021-07-01", topic = "李律师", organiser = "秦风律师事务所", persons = 4 },
            new { kind = "lawyer-duty", on = "2021-07-02", topic = "王律师", organiser = "秦风律师事务所", persons = 1 },
        })
        {
            await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync("/api/v1/activities", activity, Ct));
        }

        var resolved = await LedgerApi.FileAsync(registrar.Http, await LedgerApi.ItemAsync(app, MatterApi.Street, new DateOnly(2021, 2, 1)));
        await LedgerApi.UpdateAsync(registrar.Http, LedgerApi.Id(resolved), new { note = "工资已结清", status = "resolved", on = "2021-03-01" });
        await LedgerApi.FileAsync(registrar.Http, await LedgerApi.ItemAsync(app, MatterApi.Street, new DateOnly(2021, 4, 1)));
        var petition = await LedgerApi.FileAsync(registrar.Http, await LedgerApi.ItemAsync(app, MatterApi.Street, new DateOnly(2021, 5, 1)));
        var matter = await MatterApi.RegisterAsync(registrar.Http, MatterApi.Letter(new DateOnly(2026, 11, 16)));
        await LedgerApi.UpdateAsync(registrar.Http, LedgerApi.Id(petition), new { note = "工人来访", status = "became-petition", matterId = MatterApi.Id(matter), on = "2021-06-01" });
        var lastYear = await LedgerApi.FileAsync(registrar.Http, await LedgerApi.ItemAsync(app, MatterApi.Street, new DateOnly(2020, 12, 1)));
        await LedgerApi.UpdateAsync(registrar.Http, LedgerApi.Id(lastYear), new { note = "已化解", status = "resolved", on = "2021-01-05" });

        var after = await WorkAsync();
        int Added(string figure) => after.GetProperty(figure).GetInt32() - before.GetProperty(figure).GetInt32();
        Assert.Equal(
            (5, 65, 1, 500, 2, 8),
            (Added("trainings"), Added("trainingPersons"), Added("publicityEvents"), Added("publicityReach"), Added("lawyerDutyDays"), Added("lawyerVisitors")));
        // Screened in 2021: three (not the one of 2020); resolved in 2021: two (one screened the year before); one became a
        // petition; one still open on 31 December.
        Assert.Equal((3, 2, 1, 1), (Added("ledgerScreened"), Added("ledgerResolved"), Added("ledgerBecamePetitions"), Added("ledgerOpenAtEnd")));

        var report = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/annual/2021", Ct);
        var text = string.Join("\n", report.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains($"律师坐班{after.GetProperty("lawyerDutyDays").GetInt32()}天，接待群众{after.GetProperty("lawyerVisitors").GetInt32()}人次", text, StringComparison.Ordinal);
        Assert.Contains($"转为信访事项{after.GetProperty("ledgerBecamePetitions").GetInt32()}件", text, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task The_bureau_corrects_an_incident_with_the_same_checks_and_no_one_else_may(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(MatterApi.Labour, "handler", "unit-head");
        var recorded = await registrar.Http.PostAsJsonAsync("/api/v1/incidents",
            new { on = "2026-11-20T10:30:00+08:00", behaviour = "lingering", staffAction = new[] { "dissuade" }, outcome = "劝离" }, Ct);
        await Http.EnsureAsync(recorded);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var outcome = "经劝阻、教育后离开" + Guid.NewGuid().ToString("N")[..6];

        var corrected = await registrar.Http.PutAsJsonAsync($"/api/v1/incidents/{id}",
            new { on = "2026-11-20T10:30:00+08:00", behaviour = "lingering", staffAction = new[] { "dissuade", "educate" }, policeCalled = true, outcome }, Ct);
        await Http.EnsureAsync(corrected);
        var correctedView = await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("劝阻、教育", correctedView.GetProperty("staffActionLabel").GetString());
        Assert.Equal(1, correctedView.GetProperty("version").GetInt32());

        // A correction made on the version before that one is refused and changes nothing.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{id}")
        {
            Content = JsonContent.Create(new { on = "2026-11-20T10:30:00+08:00", behaviour = "other", staffAction = new[] { "dissuade" }, outcome = "旧版本上的更正" }),
        };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\"", isWeak: true));
        await Http.AssertProblemAsync(await registrar.Http.SendAsync(stale, Ct), HttpStatusCode.PreconditionFailed, "concurrency.stale");
        await Http.AssertProblemAsync(await registrar.Http.PutAsJsonAsync($"/api/v1/incidents/{id}", new { behaviour = "lingering", outcome = "x" }, Ct),
            HttpStatusCode.UnprocessableEntity, "incident.at-invalid");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Http.PutAsJsonAsync($"/api/v1/incidents/{id}", new { behaviour = "other" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.Http.PutAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}",
            new { on = "2026-11-20T10:30:00+08:00", behaviour = "lingering", staffAction = new[] { "dissuade" }, outcome }, Ct)).StatusCode);
        var list = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/incidents", Ct);
        Assert.True(list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("policeCalled").GetBoolean());
        Assert.Contains(outcome, list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_log_is_in_the_menu_of_exactly_the_roles_its_policy_admits()
    {
        var link = Xinfang.Web.Features.Shared.Navigation.Areas.SelectMany(a => a.Links).Single(l => l.Path == "/order/incidents");
        var policy = typeof(Xinfang.Web.Features.Prevention.OrderModel).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single().Policy;

        Assert.Equal(Xinfang.Web.Features.Accounts.Policies.Bureau, policy);
        Assert.Equal(Xinfang.Web.Features.Accounts.Roles.Bureau.Order(), link.Roles.Order());
    }
}
