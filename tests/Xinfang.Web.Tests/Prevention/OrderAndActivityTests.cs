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
}
