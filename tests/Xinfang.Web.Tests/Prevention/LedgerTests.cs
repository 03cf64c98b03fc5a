using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Prevention.LedgerApi;

namespace Xinfang.Web.Tests.Prevention;

/// <summary>The dispute-screening ledger over HTTP: an item's life, unit scope, and refusals that change nothing.</summary>
public sealed class LedgerTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Reported = new(2026, 11, 10);

    [Theory, DatabaseData]
    public async Task A_street_files_an_item_records_progress_resolves_it_and_then_it_takes_no_more_updates(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var item = await FileAsync(street.Http, await ItemAsync(app, MatterApi.Street, Reported));
        Assert.Equal("unresolved", item.GetProperty("status").GetString());
        Assert.Equal("138****5678", item.GetProperty("contactPhone").GetString());
        Assert.Equal("610114********0011", item.GetProperty("contactIdNumber").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ledger/items/{Id(item)}/updates") { Content = JsonContent.Create(new { note = "x" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\"", isWeak: true));
        await Http.AssertProblemAsync(await street.Http.SendAsync(stale, Ct), HttpStatusCode.PreconditionFailed, "concurrency.stale");

        item = await UpdateAsync(street.Http, Id(item), new { note = "约谈建设单位，已垫付一半", status = "resolving", measures = "建设单位垫付，劳动监察立案", on = "2026-11-15" });
        Assert.Equal("resolving", item.GetProperty("status").GetString());
        Assert.Equal("建设单位垫付，劳动监察立案", item.GetProperty("measures").GetString());
        item = await UpdateAsync(street.Http, Id(item), new { note = "工资已全部支付", status = "resolved", on = "2026-11-20" });
        Assert.Equal("resolved", item.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", item.GetProperty("closedOn").GetString());
        Assert.Equal(2, item.GetProperty("updates").GetArrayLength());

        await Http.AssertProblemAsync(await street.Http.PostAsJsonAsync($"/api/v1/ledger/items/{Id(item)}/updates", new { note = "再次回访" }, Ct),
            HttpStatusCode.Conflict, "ledger.item-closed");
    }

    [Theory, DatabaseData]
    public async Task An_item_becomes_a_petition_only_with_the_matter_it_became(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var item = await FileAsync(registrar.Http, await ItemAsync(app, MatterApi.Street, Reported));

        await Http.AssertProblemAsync(await registrar.Http.PostAsJsonAsync($"/api/v1/ledger/items/{Id(item)}/updates",
            new { note = "工人到区信访局上访", status = "became-petition" }, Ct), HttpStatusCode.UnprocessableEntity, "ledger.matter-required");

        var matter = await MatterApi.RegisterAsync(registrar.Http, MatterApi.Letter(new DateOnly(2026, 11, 16)));
        item = await UpdateAsync(registrar.Http, Id(item), new { note = "工人到区信访局上访", status = "became-petition", matterId = MatterApi.Id(matter), on = "2026-11-16" });

        Assert.Equal("became-petition", item.GetProperty("status").GetString());
        Assert.Equal(MatterApi.Id(matter), item.GetProperty("matters")[0].GetProperty("id").GetGuid());
    }

    [Theory, DatabaseData]
    public async Task A_unit_sees_and_edits_only_the_items_it_reported_or_is_responsible_for(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var other = await app.StaffAsync(MatterApi.OtherStreet, "handler");
        var bureau = await app.StaffAsync("610114", "supervisor");
        var title = "范围测试" + Guid.NewGuid().ToString("N")[..8];
        var item = await FileAsync(street.Http, await ItemAsync(app, MatterApi.Street, Reported, i => i["title"] = title));

        await Http.AssertProblemAsync(await other.Http.GetAsync($"/api/v1/ledger/items/{Id(item)}", Ct), HttpStatusCode.NotFound, "ledger.item-not-found");
        await Http.AssertProblemAsync(await other.Http.PostAsJsonAsync($"/api/v1/ledger/items/{Id(item)}/updates", new { note = "越权" }, Ct),
            HttpStatusCode.NotFound, "ledger.item-not-found");
        Assert.DoesNotContain(title, await other.Http.GetStringAsync("/api/v1/ledger/items?pageSize=200", Ct));
        Assert.DoesNotContain(title, await ExportTitlesAsync(other.Http));

        Assert.Contains(title, await street.Http.GetStringAsync("/api/v1/ledger/items?pageSize=200", Ct));
        Assert.Contains(title, await bureau.Http.GetStringAsync($"/api/v1/ledger/items?unitId={street.UnitId}&pageSize=200", Ct));
    }

    [Theory, DatabaseData]
    public async Task An_item_with_bad_fields_is_refused_with_every_field_named_and_nothing_is_stored(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var title = "错误测试" + Guid.NewGuid().ToString("N")[..8];
        var body = await ItemAsync(app, MatterApi.Street, Reported, i =>
        {
            i["title"] = title;
            i["topic"] = "不存在的类型";
            i["reportedOn"] = "2026-12-30";
            i["headcount"] = 0;
            i["contactIdNumber"] = "610114198005170012";
            i["responsibleUnitId"] = Guid.NewGuid();
        });

        var problem = await Http.AssertProblemAsync(await street.Http.PostAsJsonAsync("/api/v1/ledger/items", body, Ct), HttpStatusCode.UnprocessableEntity, "ledger.invalid");

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "topic", "reportedOn", "headcount", "contactIdNumber", "responsibleUnitId" }, fields);
        Assert.DoesNotContain(title, await street.Http.GetStringAsync("/api/v1/ledger/items?pageSize=200", Ct));
        await Http.AssertProblemAsync(await street.Http.GetAsync("/api/v1/ledger/items?status=closed", Ct), HttpStatusCode.UnprocessableEntity, "ledger.filter-invalid");
    }

    [Theory, DatabaseData]
    public async Task Each_unit_reports_or_files_a_zero_report_and_the_bureau_sees_who_has_not(Db db)
    {
        var app = await apps.For(db);
        var bureau = await app.StaffAsync("610114", "registrar");
        var first = await app.StaffAsync(MatterApi.Street, "handler");
        var second = await app.StaffAsync(MatterApi.OtherStreet, "handler");
        var third = await app.UnitIdAsync("610114003");
        var response = await bureau.Http.PostAsJsonAsync("/api/v1/ledger/rounds", new
        {
            name = "2026年冬季供暖专项排查", kind = "special", from = "2026-11-01", to = "2026-11-30", unitIds = new[] { first.UnitId, second.UnitId, third },
        }, Ct);
        await Http.EnsureAsync(response);
        var round = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var item = await FileAsync(first.Http, await ItemAsync(app, MatterApi.Street, Reported));

        await Http.EnsureAsync(await first.Http.PostAsJsonAsync($"/api/v1/ledger/rounds/{round}/reports", new { itemIds = new[] { Id(item) } }, Ct));
        await Http.AssertProblemAsync(await second.Http.PostAsJsonAsync($"/api/v1/ledger/rounds/{round}/reports", new { itemIds = new[] { Id(item) } }, Ct),
            HttpStatusCode.UnprocessableEntity, "ledger.round-item-not-own");
        await Http.EnsureAsync(await second.Http.PostAsJsonAsync($"/api/v1/ledger/rounds/{round}/reports", new { zero = true }, Ct));
        await Http.AssertProblemAsync(await second.Http.PostAsJsonAsync($"/api/v1/ledger/rounds/{round}/reports", new { zero = true }, Ct),
            HttpStatusCode.Conflict, "ledger.round-already-reported");

        var view = await bureau.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/rounds/{round}", Ct);
        Assert.Equal((1, 1, 1), (view.GetProperty("reported").GetInt32(), view.GetProperty("zero").GetInt32(), view.GetProperty("missing").GetInt32()));
        var states = view.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetGuid(), u => u.GetProperty("state").GetString());
        Assert.Equal("reported", states[first.UnitId]);
        Assert.Equal("zero", states[second.UnitId]);
        Assert.Equal("missing", states[third]);
    }

    private static async Task<string> ExportTitlesAsync(HttpClient client)
    {
        var rows = ReadSheet(await client.GetByteArrayAsync("/api/v1/ledger/export.xlsx"));
        return string.Join("\n", rows.Select(r => r["标题"]));
    }

    [Theory, DatabaseData]
    public async Task An_open_item_is_corrected_against_its_version_the_history_names_the_fields_and_a_closed_one_is_not(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var filed = await ItemAsync(app, MatterApi.Street, Reported);
        var item = await FileAsync(street.Http, filed);
        var etag = (await street.Http.GetAsync($"/api/v1/ledger/items/{Id(item)}", Ct)).Headers.ETag!;

        var corrected = filed.DeepClone().AsObject();
        (corrected["amount"], corrected["risk"], corrected["contactPhone"], corrected["contactIdNumber"]) = (400000, "major", "", null);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ledger/items/{Id(item)}") { Content = JsonContent.Create(corrected) };
        put.Headers.IfMatch.Add(etag);
        var response = await street.Http.SendAsync(put, Ct);
        await Http.EnsureAsync(response);
        item = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("major", 400000m, "unresolved"), (item.GetProperty("risk").GetString(), item.GetProperty("amount").GetDecimal(), item.GetProperty("status").GetString()));
        Assert.Equal("138****5678", item.GetProperty("contactPhone").GetString()); // blank keeps what is on file
        Assert.Equal("修改了涉及金额、风险等级。", item.GetProperty("updates")[0].GetProperty("note").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ledger/items/{Id(item)}") { Content = JsonContent.Create(corrected) };
        stale.Headers.IfMatch.Add(etag);
        await Http.AssertProblemAsync(await street.Http.SendAsync(stale, Ct), HttpStatusCode.PreconditionFailed, "concurrency.stale");
        corrected["title"] = "";
        await Http.AssertProblemAsync(await street.Http.PutAsJsonAsync($"/api/v1/ledger/items/{Id(item)}", corrected, Ct), HttpStatusCode.UnprocessableEntity, "ledger.invalid");
        corrected["title"] = filed["title"]!.GetValue<string>();
        await Http.AssertProblemAsync(await street.Http.PutAsJsonAsync($"/api/v1/ledger/items/{Id(item)}", corrected, Ct), HttpStatusCode.UnprocessableEntity, "ledger.edit-unchanged");

        await UpdateAsync(street.Http, Id(item), new { note = "已化解", status = "resolved" });
        corrected["headcount"] = 3;
        await Http.AssertProblemAsync(await street.Http.PutAsJsonAsync($"/api/v1/ledger/items/{Id(item)}", corrected, Ct), HttpStatusCode.Conflict, "ledger.item-closed");
        var other = await app.StaffAsync(MatterApi.Labour, "handler");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PutAsJsonAsync($"/api/v1/ledger/items/{Id(item)}", corrected, Ct)).StatusCode);
        var stored = await street.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/items/{Id(item)}", Ct);
        Assert.Equal((12, 2), (stored.GetProperty("headcount").GetInt32(), stored.GetProperty("updates").GetArrayLength()));
    }
}
