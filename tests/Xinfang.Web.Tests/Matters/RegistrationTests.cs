using System.Net;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>凡访必登: registration on every channel, its bad inputs, idempotency and numbering.</summary>
public sealed class RegistrationTests(SharedApps apps)
{
    private static readonly DateOnly Received = new(2026, 3, 2);

    [Theory, DatabaseData]
    public async Task Every_channel_can_be_registered(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        foreach (var channel in new[] { "letter", "visit", "phone", "online", "fax", "hotline" })
        {
            var matter = await RegisterAsync(registrar.Http, Letter(Received, b => b["channel"] = channel));
            Assert.Equal(channel, matter.GetProperty("channel").GetString());
        }

        var superior = await RegisterAsync(registrar.Http, Letter(Received, b =>
        {
            b["channel"] = "superior";
            b["superior"] = new JsonObject { ["number"] = "XA-2026-0088", ["dueOn"] = "2026-03-20" };
        }));
        Assert.Equal(new DateOnly(2026, 3, 20), Due(superior, "superior"));
    }

    [Theory, DatabaseData]
    public async Task A_collective_visit_is_one_batch_of_many_persons(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        var matter = await RegisterAsync(registrar.Http, Letter(Received, b =>
        {
            b["channel"] = "visit";
            b["headcount"] = 30;
            b["petitioners"] = new JsonArray(Enumerable.Range(1, 5).Select(i => (JsonNode)new JsonObject
            {
                ["name"] = $"代表{i}", ["isRepresentative"] = true,
            }).ToArray());
        }));

        Assert.Equal(30, matter.GetProperty("headcount").GetInt32());
        Assert.Contains("collective", matter.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Theory, DatabaseData]
    public async Task Six_representatives_are_refused_and_nothing_is_stored(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var title = "六名代表 " + Guid.NewGuid();

        var response = await PostRegistrationAsync(registrar.Http, Letter(Received, b =>
        {
            b["title"] = title;
            b["headcount"] = 40;
            b["petitioners"] = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject { ["name"] = $"代表{i}", ["isRepresentative"] = true }).ToArray());
        }));

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.too-many-representatives");
        Assert.Contains("第二十条", problem.GetProperty("detail").GetString());
        await AssertNotStoredAsync(registrar.Http, title);
    }

    [Theory]
    [InlineData(Db.Sqlite, "610114198005170012", "id-number.check-digit")]
    [InlineData(Db.Postgres, "610114198005170012", "id-number.check-digit")]
    [InlineData(Db.Sqlite, "991114198005170011", "id-number.region")]
    [InlineData(Db.Postgres, "61011419800517001", "id-number.length")]
    [InlineData(Db.Sqlite, "610114198002300011", "id-number.birth-date")]
    public async Task An_invalid_id_number_says_which_rule_failed(Db db, string idNumber, string code)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var title = "身份证 " + Guid.NewGuid();

        var response = await PostRegistrationAsync(registrar.Http, Letter(Received, b =>
        {
            b["title"] = title;
            b["petitioners"]![0]!["idNumber"] = idNumber;
        }));

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.True(problem.GetProperty("errors").TryGetProperty("petitioners[0].idNumber", out _));
        await AssertNotStoredAsync(registrar.Http, title);
    }

    [Theory, DatabaseData]
    public async Task A_legacy_15_digit_id_number_is_accepted_and_upgraded(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        var matter = await RegisterAsync(registrar.Http, Letter(Received, b => b["petitioners"]![0]!["idNumber"] = "610114800517001"));

        Assert.Equal("610114********001X".Length, matter.GetProperty("petitioners")[0].GetProperty("idNumberMasked").GetString()!.Length);
        Assert.StartsWith("610114********", matter.GetProperty("petitioners")[0].GetProperty("idNumberMasked").GetString());
    }

    [Theory, DatabaseData]
    public async Task A_future_received_date_is_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        var response = await PostRegistrationAsync(registrar.Http, Letter(app.Today.AddDays(1)));

        await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.received-in-future");
    }

    [Theory, DatabaseData]
    public async Task Empty_and_overlong_content_are_refused_with_the_documented_limit(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        await Http.AssertProblemAsync(await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["content"] = "  ")),
            HttpStatusCode.UnprocessableEntity, "matter.content-required");
        var problem = await Http.AssertProblemAsync(
            await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["content"] = new string('诉', 15_000))),
            HttpStatusCode.UnprocessableEntity, "matter.content-too-long");
        Assert.Contains("10000", problem.GetProperty("detail").GetString());

        var longest = await RegisterAsync(registrar.Http, Letter(Received, b => b["content"] = new string('诉', 10_000)));
        Assert.Equal(10_000, longest.GetProperty("content").GetString()!.Length);
    }

    [Theory, DatabaseData]
    public async Task Html_in_any_text_is_stored_as_text(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        const string script = "<script>alert('x')</script>供暖不热";

        var matter = await RegisterAsync(registrar.Http, Letter(Received, b =>
        {
            b["title"] = script;
            b["petitioners"]![0]!["name"] = "<b>王五</b>";
        }));

        Assert.Equal(script, (await GetAsync(registrar.Http, matter)).GetProperty("title").GetString());
        Assert.Equal("<b>王五</b>", matter.GetProperty("petitioners")[0].GetProperty("name").GetString());

        var page = await (await PageSession.StaffAsync(app, "610114", "registrar")).GetPageAsync($"/matters/{Id(matter)}");
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;王五&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task A_visit_that_ends_in_guidance_is_still_registered_and_counted(Db db)
    {
        // 凡访必登: a visitor who is only told where to go (here: to court, 诉访分离) is registered like any other
        // visit, gets a number and a receipt, and counts among the visits the bureau received.
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var title = "来访咨询 " + Guid.NewGuid();
        var visit = await RegisterAsync(registrar.Http, Letter(Received, b =>
        {
            b["channel"] = "visit";
            b["title"] = title;
        }));

        var guided = await ActAsync(registrar.Http, visit, "route", new { channel = "litigation", body = "阎良区人民法院", note = "当场释法，引导依法起诉", on = Date(Received) });

        Assert.Equal("routed", Status(guided));
        Assert.Contains("receipt", NoticeKinds(guided));
        Assert.Contains("route-notice", NoticeKinds(guided));
        var counted = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/v1/matters?channel=visit&status=routed&q={Uri.EscapeDataString(title)}", TestContext.Current.CancellationToken);
        Assert.Equal(1, counted.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task A_missing_required_field_is_a_400_naming_it(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var body = Letter(Received);
        body.Remove("channel");

        var problem = await Http.AssertProblemAsync(await PostRegistrationAsync(registrar.Http, body), HttpStatusCode.BadRequest, "request.invalid");

        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Theory, DatabaseData]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_result(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var key = Guid.NewGuid().ToString();
        var body = Letter(Received, b => b["title"] = "幂等 " + key);

        var first = await RegisterAsync(registrar.Http, body, key);
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RegisterAsync(registrar.Http, body, key)));

        Assert.All(retries, r => Assert.Equal(Id(first), Id(r)));
        Assert.All(retries, r => Assert.Equal(first.GetProperty("queryCode").GetString(), r.GetProperty("queryCode").GetString()));
        var found = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString("幂等 " + key)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        var reused = await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["title"] = "另一件"), key);
        await Http.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
    }

    [Theory, DatabaseData]
    public async Task Twenty_concurrent_registrations_get_twenty_distinct_gap_free_numbers(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        var matters = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            RegisterAsync(registrar.Http, Letter(new DateOnly(2024, 6, 3), b => b["title"] = $"并发登记 {i}"))));

        var numbers = matters.Select(m => m.GetProperty("number").GetString()!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"610114-2024-{n:D6}"), numbers);
    }

    [Theory, DatabaseData]
    public async Task Only_a_registrar_registers(Db db)
    {
        var app = await apps.For(db);
        var handler = await app.StaffAsync(Street, "handler");

        await Http.AssertProblemAsync(await PostRegistrationAsync(handler.Http, Letter(Received)), HttpStatusCode.Forbidden, "matter.forbidden");
    }

    private static async Task AssertNotStoredAsync(HttpClient client, string title)
    {
        var found = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(title)}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }
}
