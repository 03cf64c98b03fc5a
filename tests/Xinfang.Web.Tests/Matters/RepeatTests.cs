using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>Issue 14, 重复信访: candidates for a draft and for a matter, confirm and dismiss, scope and confidentiality.</summary>
public sealed class RepeatTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Heating = "本人住在凤凰路幸福小区12号楼，入冬以来室内温度一直只有14度，暖气片不热，多次找物业和热力公司都没有解决。";
    private const string HeatingReworded = "幸福小区12号楼暖气不热，室内温度只有十四五度，找过物业和热力公司多次，至今没有解决，要求退还部分供暖费。";
    private const string Wages = "本人在某建筑工地务工，包工头拖欠工资两万元，多次讨要未果。";

    private static JsonObject Of(Person person, DateOnly on, string title, string content) => Letter(on, b =>
    {
        b["categoryCode"] = "urban-construction.heating";
        b["title"] = title;
        b["content"] = content;
        b["demands"] = new JsonArray(content == Wages ? "支付拖欠的工资" : "恢复正常供暖");
        b["flags"] = new JsonArray();
        b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone, ["address"] = "阎良区凤凰路幸福小区12号楼" });
    });

    private static async Task<JsonElement[]> CandidatesAsync(HttpClient client, string url, JsonObject? draft = null)
    {
        var response = draft is null ? await client.GetAsync(url, Ct) : await client.PostAsJsonAsync(url, draft, Ct);
        await Http.EnsureAsync(response);
        return [.. (await ReadAsync(response)).EnumerateArray()];
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, JsonElement matter, Guid earlier, string decision) =>
        client.PostAsJsonAsync($"/api/v1/matters/{Id(matter)}/repeat-links", new { earlierMatterId = earlier, decision }, Ct);

    [Theory, DatabaseData]
    public async Task A_draft_finds_the_same_persons_same_matter_with_reasons_and_a_confirmed_link_counts_on_the_earlier_matter(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var (person, neighbour) = (Person.New(), Person.New());
        var heating = await RegisterAsync(registrar.Http, Of(person, new DateOnly(2026, 1, 5), "反映小区暖气不热", Heating));
        var wages = await RegisterAsync(registrar.Http, Of(person, new DateOnly(2026, 2, 5), "讨要拖欠工资", Wages));
        var neighbours = await RegisterAsync(registrar.Http, Of(neighbour, new DateOnly(2026, 1, 6), "反映小区暖气不热", Heating));

        var draft = Of(person, new DateOnly(2026, 3, 2), "暖气不热要求退费", HeatingReworded);
        var found = await CandidatesAsync(registrar.Http, "/api/v1/matters/repeat-candidates", draft);
        var candidate = Assert.Single(found);
        Assert.Equal(Id(heating), candidate.GetProperty("matterId").GetGuid());
        var reasons = candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("同一身份证号", reasons);
        Assert.Contains(reasons, r => r.StartsWith("诉求相似度 0.", StringComparison.Ordinal));
        Assert.DoesNotContain(found, c => c.GetProperty("matterId").GetGuid() == Id(wages) || c.GetProperty("matterId").GetGuid() == Id(neighbours));

        // Registered, the matter lists the same candidate; confirming links it and counts it on the earlier matter.
        var repeat = await RegisterAsync(registrar.Http, draft);
        Assert.Contains(await CandidatesAsync(registrar.Http, $"/api/v1/matters/{Id(repeat)}/repeat-candidates"), c => c.GetProperty("matterId").GetGuid() == Id(heating));
        var confirmed = await DecideAsync(registrar.Http, repeat, Id(heating), "confirmed");
        await Http.EnsureAsync(confirmed);
        Assert.Equal(Id(heating), (await GetAsync(registrar.Http, repeat)).GetProperty("repeatOf").GetGuid());
        Assert.Equal(1, (await GetAsync(registrar.Http, heating)).GetProperty("repeatCount").GetInt32());
        // The earlier matter is still open: the problem rule (the one source of 办理后仍重复信访) does not flag the repeat.
        var afterConclusion = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/matters?problem=repeat-after-conclusion&pageSize=200", Ct);
        Assert.DoesNotContain(Id(repeat), afterConclusion.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Empty(await CandidatesAsync(registrar.Http, $"/api/v1/matters/{Id(repeat)}/repeat-candidates")); // decided pairs are not suggested again
        await Http.AssertProblemAsync(await DecideAsync(registrar.Http, repeat, Id(heating), "confirmed"), HttpStatusCode.Conflict, "repeat.already-linked");

        // Dismissing is recorded too, audited, and the pair is not suggested again.
        var again = await RegisterAsync(registrar.Http, Of(person, new DateOnly(2026, 3, 9), "暖气还是不热", HeatingReworded));
        await Http.EnsureAsync(await DecideAsync(registrar.Http, again, Id(heating), "dismissed"));
        Assert.DoesNotContain(await CandidatesAsync(registrar.Http, $"/api/v1/matters/{Id(again)}/repeat-candidates"), c => c.GetProperty("matterId").GetGuid() == Id(heating));
        var links = await CandidatesAsync(registrar.Http, $"/api/v1/matters/{Id(heating)}/repeat-links");
        Assert.Equal(["dismissed", "confirmed"], links.Select(l => l.GetProperty("decision").GetString()));
        Assert.Contains(links, l => l.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == "同一身份证号"));
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == nameof(RepeatLink)
            && (a.After!.Contains(Id(repeat).ToString()) || a.After.Contains(Id(again).ToString())), Ct)));
        Assert.Null(await app.WithDbAsync(d => d.Matters.Where(m => m.Id == Id(again)).Select(m => m.RepeatOfId).SingleAsync(Ct)));
    }

    [Theory, DatabaseData]
    public async Task Bad_decisions_get_named_errors_and_units_see_only_what_they_may(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var person = Person.New();
        var first = await RegisterAsync(registrar.Http, Of(person, new DateOnly(2026, 1, 5), "反映小区暖气不热", Heating));
        var later = await RegisterAsync(registrar.Http, Of(person, new DateOnly(2026, 2, 5), "暖气不热要求退费", HeatingReworded));

        await Http.AssertProblemAsync(await DecideAsync(registrar.Http, later, Id(later), "confirmed"), HttpStatusCode.UnprocessableEntity, "repeat.self");
        await Http.AssertProblemAsync(await DecideAsync(registrar.Http, first, Id(later), "confirmed"), HttpStatusCode.UnprocessableEntity, "repeat.not-earlier");
        await Http.AssertProblemAsync(await DecideAsync(registrar.Http, later, Guid.NewGuid(), "confirmed"), HttpStatusCode.NotFound, "matter.not-found");
        var nonsense = await DecideAsync(registrar.Http, later, Id(first), "maybe");
        Assert.True(nonsense.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)nonsense.StatusCode}");
        await Http.AssertProblemAsync(await DecideAsync(street.Http, later, Id(first), "confirmed"), HttpStatusCode.Forbidden, "repeat.forbidden");
        Assert.Null((await GetAsync(registrar.Http, later)).GetProperty("repeatOf").GetString());

        // An accusation of the same person, held by the street: the street may not know who accused, so the
        // registrar's matters of that person are not shown to it, nor is the accusation a candidate for a unit.
        var accusation = await RegisterAsync(registrar.Http, Accusation(new DateOnly(2026, 3, 2), await app.UnitIdAsync(Labour), person.Name).Also(b =>
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone })));
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-03-03" });
        var forStreet = await CandidatesAsync(street.Http, "/api/v1/matters/repeat-candidates", Accusation(new DateOnly(2026, 4, 1), await app.UnitIdAsync(Labour), person.Name).Also(b =>
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber })));
        Assert.DoesNotContain(forStreet, c => c.GetProperty("matterId").GetGuid() == Id(first) || c.GetProperty("matterId").GetGuid() == Id(later));
        var other = await app.StaffAsync(OtherStreet, "handler");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/matters/{Id(later)}/repeat-candidates", Ct)).StatusCode);
        Assert.Empty((await GetAsync(street.Http, accusation)).GetProperty("repeatCandidates").EnumerateArray());
    }
}
