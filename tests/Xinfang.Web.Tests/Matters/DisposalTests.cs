using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>The bureau's disposal of a registered matter within 15 days (第二十二条), on both databases.</summary>
public sealed class DisposalTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_registered_letter_gets_a_number_a_query_code_and_a_dispose_clock(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        // 2025-09-20 + 15 days = 10-05, in the National Day holiday: rolls forward to 10-09 (REFERENCE.md §1.12).
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        Assert.Matches(@"^610114-2025-\d{6}$", matter.GetProperty("number").GetString());
        Assert.Matches("^[34679ACDEFGHJKMNPQRTUVWXY]{10}$", matter.GetProperty("queryCode").GetString());
        Assert.Equal("registered", Status(matter));
        Assert.Equal(new DateOnly(2025, 10, 9), Due(matter, "dispose"));
        Assert.Equal("610114********0011", matter.GetProperty("petitioners")[0].GetProperty("idNumberMasked").GetString());
        Assert.Equal("138****5678", matter.GetProperty("petitioners")[0].GetProperty("phoneMasked").GetString());
        Assert.Contains("transfer", Allowed(matter));
        Assert.DoesNotContain("accept", Allowed(matter));
        Assert.Equal(["receipt"], NoticeKinds(matter));
    }

    [Theory, DatabaseData]
    public async Task Transfer_meets_the_dispose_clock_and_starts_the_units_clocks(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        var transferred = await ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour), note = "属人社局职责", on = "2025-09-26" });

        Assert.Equal("transferred", Status(transferred));
        Assert.Equal("met", Deadline(transferred, "dispose").GetProperty("state").GetString());
        // 15 calendar days from 09-26: 10-11, a Saturday made a working day (调休), so no roll-forward.
        Assert.Equal(new DateOnly(2025, 10, 11), Due(transferred, "acceptance-notice"));
        // 5 working days from 09-26: 09-28 (调休 Sunday), 09-29, 09-30, 10-09, 10-10.
        Assert.Equal(new DateOnly(2025, 10, 10), Due(transferred, "objection"));
        Assert.Contains("transfer-notice", NoticeKinds(transferred));
        Assert.Contains("transfer-letter", NoticeKinds(transferred));
        Assert.Matches(@"^阎信转〔2025〕\d+号$", Notice(transferred, "transfer-letter").GetProperty("number").GetString());
    }

    [Theory, DatabaseData]
    public async Task An_action_not_allowed_in_the_state_is_a_409_listing_what_is(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        var response = await PostActionAsync(registrar.Http, matter, "request-review", new { reason = "不服" });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.Conflict, "matter.action-not-allowed");
        var allowed = problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("transfer", allowed);
        Assert.Equal("registered", Status(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task Assign_sets_a_report_back_date_that_becomes_the_handling_clock(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Housing, "handler");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 11, 3), b => b["categoryCode"] = "urban-construction.heating"));
        Assert.Equal(handler.UnitId, matter.GetProperty("suggestion").GetProperty("unitId").GetGuid());

        matter = await ActAsync(registrar.Http, matter, "assign", new { unitId = handler.UnitId, dueOn = "2025-11-20", note = "供暖季重点件", on = "2025-11-04" });
        Assert.Equal("assigned", Status(matter));
        Assert.Equal("met", Deadline(matter, "dispose").GetProperty("state").GetString());
        Assert.Equal(new DateOnly(2025, 11, 20), Due(matter, "assigned"));
        Assert.Contains("assignment-letter", NoticeKinds(matter));

        matter = await ActAsync(handler.Http, matter, "accept", new { on = "2025-11-05" });
        Assert.Contains(matter.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("code").GetString() == "assigned" && d.GetProperty("state").GetString() == "open");
        Assert.DoesNotContain(matter.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("code").GetString() == "handling");
    }

    [Theory, DatabaseData]
    public async Task Route_refer_decline_and_self_handle_each_dispose_of_the_matter(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var on = new { on = "2025-09-22" };

        var routed = await ActAsync(registrar.Http, await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20))), "route",
            new { channel = "arbitration", body = "阎良区劳动人事争议仲裁委员会", on = "2025-09-22" });
        Assert.Equal("routed", Status(routed));
        Assert.Equal("met", Deadline(routed, "dispose").GetProperty("state").GetString());
        Assert.Contains("route-notice", NoticeKinds(routed));

        var referred = await ActAsync(registrar.Http, await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20), b => b["flags"] = new System.Text.Json.Nodes.JsonArray("law-related"))),
            "refer", new { unitId = await app.UnitIdAsync(Court), on = "2025-09-22" });
        Assert.Equal("referred", Status(referred));
        Assert.Equal("met", Deadline(referred, "dispose").GetProperty("state").GetString());

        var declined = await ActAsync(registrar.Http, await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20))), "decline",
            new { reason = "pending-elsewhere", note = "已由街道受理办理中", on = "2025-09-22" });
        Assert.Equal("declined", Status(declined));
        Assert.Equal("met", Deadline(declined, "dispose").GetProperty("state").GetString());
        Assert.Contains("decline-notice", NoticeKinds(declined));

        var selfHandled = await ActAsync(registrar.Http, await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20))), "self-handle", on);
        Assert.Equal("accepted", Status(selfHandled));
        Assert.Equal("met", Deadline(selfHandled, "dispose").GetProperty("state").GetString());
        Assert.Equal(new DateOnly(2025, 11, 21), Due(selfHandled, "handling")); // 60 days from 09-22
        Assert.Contains("acceptance-notice", NoticeKinds(selfHandled));
    }

    [Theory, DatabaseData]
    public async Task Transfer_to_a_unit_that_does_not_exist_or_cannot_handle_is_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, "matter.unit-not-found");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Discipline) }),
            HttpStatusCode.UnprocessableEntity, "matter.unit-cannot-handle");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync("610114") }),
            HttpStatusCode.UnprocessableEntity, "matter.unit-cannot-handle");
        Assert.Equal("registered", Status(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task A_step_dated_before_the_previous_one_or_in_the_future_is_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour), on = "2025-09-19" }),
            HttpStatusCode.UnprocessableEntity, "matter.on-before-previous-step");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour), on = Date(app.Today.AddDays(1)) }),
            HttpStatusCode.UnprocessableEntity, "matter.on-in-future");
    }

    [Theory, DatabaseData]
    public async Task A_stale_if_match_is_a_412_and_changes_nothing(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        var response = await registrar.Http.GetAsync($"/api/v1/matters/{Id(matter)}");
        Assert.Equal($"W/\"{Version(matter)}\"", response.Headers.ETag?.ToString());

        var first = await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour) }, ifMatch: Version(matter));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await PostActionAsync(registrar.Http, matter, "decline", new { reason = "other" }, ifMatch: Version(matter));

        await Http.AssertProblemAsync(second, HttpStatusCode.PreconditionFailed, "concurrency.stale");
        Assert.Equal("transferred", Status(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task The_queue_filters_by_status_and_due_date(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var old = await RegisterAsync(registrar.Http, Letter(app.Today.AddDays(-30), b => b["title"] = "超期未处置"));
        var fresh = await RegisterAsync(registrar.Http, Letter(app.Today, b => b["title"] = "今日来信"));

        var overdue = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/matters?status=registered&overdue=true");
        Assert.Equal([Id(old)], overdue.GetProperty("items").EnumerateArray().Select(Id));
        var queue = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/matters?status=registered");
        Assert.Equal([Id(old), Id(fresh)], queue.GetProperty("items").EnumerateArray().Select(Id)); // nearest due date first
        Assert.True(queue.GetProperty("items")[0].GetProperty("nextDue").GetProperty("overdue").GetBoolean());

        // 今日到期 (the registrar's desk tile): the 15-day limit ends today — due by today and not overdue.
        System.Text.Json.JsonElement dueToday = default;
        for (var back = 15; back < 22 && dueToday.ValueKind == System.Text.Json.JsonValueKind.Undefined; back++)
        {
            var candidate = await RegisterAsync(registrar.Http, Letter(app.Today.AddDays(-back), b => b["title"] = "今日到期"));
            if (Due(candidate, "dispose") == app.Today)
            {
                dueToday = candidate;
            }
        }

        var today = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/matters?status=registered&dueWithin=0&overdue=false");
        Assert.Equal([Id(dueToday)], today.GetProperty("items").EnumerateArray().Select(Id));

        // 待送达 (undelivered=true): the notices the caller's own unit issued and has not delivered — the bureau's 转送告知书 and 转送函.
        var street = await app.StaffAsync(Street, "handler");
        await ActAsync(registrar.Http, fresh, "transfer", new { unitId = street.UnitId, on = Date(app.Today) });
        var undelivered = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/matters?undelivered=true");
        Assert.Equal([Id(fresh)], undelivered.GetProperty("items").EnumerateArray().Select(Id));
        var streetSees = await street.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/matters?undelivered=true");
        Assert.Empty(streetSees.GetProperty("items").EnumerateArray()); // the street has issued nothing yet

        var bad = await registrar.Http.GetAsync("/api/v1/matters?status=lost");
        await Http.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "request.invalid");
    }
}
