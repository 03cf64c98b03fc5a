using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data.Configurations;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>
/// Issue 14, "search that finds what clerks type": part of a name, ID number and phone (through the keyed hash),
/// matter number and 文号, words of the content; bad queries answered with a named error, never a 500; handling units
/// search their own matters; nothing found through a field the caller may not see.
/// </summary>
public sealed class SearchTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Received = new(2026, 5, 11);

    [Theory, DatabaseData]
    public async Task A_matter_is_found_by_what_a_clerk_types(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var person = Person.New();
        var tag = "xm" + Guid.NewGuid().ToString("N")[..8];
        var matter = await RegisterAsync(registrar.Http, Letter(Received, b =>
        {
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone });
            b["content"] = $"小区冬季暖气片不热，室温只有十二度，物业公司（编号 {tag}）多次推诿，要求退还部分供暖费。";
        }));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Street), on = "2026-05-12" });
        var number = matter.GetProperty("number").GetString()!;
        var noticeNumber = Notice(matter, "transfer-letter").GetProperty("number").GetString()!;

        foreach (var q in new[]
                 {
                     person.Name, person.Name[..2], person.Name[1..], person.Name[2..], // whole, surname and given name, a part
                     person.IdNumber, person.IdNumber.ToLowerInvariant(), person.Phone, $"{person.Phone[..3]}-{person.Phone[3..7]}-{person.Phone[7..]}",
                     number, number[7..], noticeNumber,
                     $"暖气片 {tag}", $"{tag} 供暖费", $"{person.Name[1..]}，{tag}",
                 })
        {
            Assert.True(await FindsAsync(registrar.Http, q, Id(matter)), $"“{q}” did not find the matter");
        }

        foreach (var q in new[] { $"{tag} 空调", $"{person.Name}x", $"{tag} 燃气灶" })
        {
            Assert.False(await FindsAsync(registrar.Http, q, Id(matter)), $"“{q}” found the matter");
        }
    }

    [Theory, DatabaseData]
    public async Task Identifiers_are_stored_as_keyed_hashes_and_a_handling_unit_searches_its_own_matters(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Street, "handler");
        var other = await app.StaffAsync(OtherStreet, "handler");
        var person = Person.New();
        var matter = await RegisterAsync(registrar.Http, Letter(Received, b =>
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone })));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = handler.UnitId, on = "2026-05-12" });

        var stored = await app.WithDbAsync(d => d.Set<Xinfang.Domain.Matters.Petitioner>().Where(p => p.MatterId == Id(matter))
            .Select(p => new { Id = EF.Property<string>(p, PetitionerConfiguration.IdNumberHash), Phone = EF.Property<string>(p, PetitionerConfiguration.PhoneHash) })
            .SingleAsync(Ct));
        Assert.Equal(Hmac("id:" + person.IdNumber), stored.Id);
        Assert.Equal(Hmac("phone:" + person.Phone), stored.Phone);

        Assert.True(await FindsAsync(handler.Http, person.IdNumber, Id(matter)));
        Assert.True(await FindsAsync(handler.Http, person.Name[1..], Id(matter)));
        Assert.False(await FindsAsync(other.Http, person.IdNumber, Id(matter)));
        Assert.False(await FindsAsync(other.Http, person.Name, Id(matter)));

        var page = await PageSession.LoginAsync(app, handler.UserName, PageSession.StaffPassword);
        var html = await page.GetPageAsync($"/matters?q={Uri.EscapeDataString(person.Name)}");
        Assert.Contains(matter.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task An_accusers_identifiers_find_nothing_for_a_unit_that_may_not_know_them(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var person = Person.New();
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour), person.Name).Also(b =>
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone })));
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });

        foreach (var q in new[] { person.Name, person.Name[1..], person.IdNumber, person.Phone })
        {
            Assert.False(await FindsAsync(street.Http, q, Id(accusation)), $"“{q}” confirmed the accuser");
            Assert.True(await FindsAsync(registrar.Http, q, Id(accusation)), $"“{q}” did not find the accusation for the bureau");
        }

        Assert.True(await FindsAsync(street.Http, "收受礼金", Id(accusation)), "the content is the unit's to search");
    }

    [Theory, DatabaseData]
    public async Task Bad_queries_get_a_named_error_or_an_empty_list_never_a_500(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/matters?q=" + Uri.EscapeDataString(new string('暖', 101)), Ct),
            HttpStatusCode.UnprocessableEntity, "search.query-too-long");
        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/matters?q=" + Uri.EscapeDataString("，。！？的 了"), Ct),
            HttpStatusCode.UnprocessableEntity, "search.query-meaningless");
        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/matters?from=2026-05-12&to=2026-05-11", Ct),
            HttpStatusCode.UnprocessableEntity, "request.date-range-reversed");
        foreach (var q in new[] { "供暖' OR '1'='1", "\"供暖\" NEAR(a b) AND -x*", "%_\\", "'; DROP TABLE matters; --", "供暖 OR 1=1", "a:b^c" })
        {
            var response = await registrar.Http.GetAsync("/api/v1/matters?q=" + Uri.EscapeDataString(q), Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{q}: {(int)response.StatusCode}");
        }

        var supervisor = await PageSession.LoginAsync(app, (await app.StaffAsync("610114", "supervisor")).UserName, PageSession.StaffPassword);
        Assert.Contains("起日晚于止日", await supervisor.GetPageAsync("/matters?from=2026-05-12&to=2026-05-11"), StringComparison.Ordinal);
        Assert.Contains("最多 100 个字", await supervisor.GetPageAsync("/matters?q=" + Uri.EscapeDataString(new string('暖', 101))), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task The_search_page_marks_the_words_found(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var tag = "hl" + Guid.NewGuid().ToString("N")[..8];
        await RegisterAsync(registrar.Http, Letter(Received, b => b["content"] = $"包工头拖欠工资两万元，工地编号 {tag}，多次讨要未果。"));
        var supervisor = await PageSession.LoginAsync(app, (await app.StaffAsync("610114", "supervisor")).UserName, PageSession.StaffPassword);
        var html = await supervisor.GetPageAsync($"/matters?q={Uri.EscapeDataString(tag + " 包工头")}");
        Assert.Contains($"<mark>{tag}</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>包工头</mark>", html, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task A_result_list_exports_to_excel_masked_as_the_list_and_audited(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var person = Person.New();
        var tag = "ex" + Guid.NewGuid().ToString("N")[..8];
        var accusation = await RegisterAsync(registrar.Http, Accusation(Received, await app.UnitIdAsync(Labour), person.Name).Also(b => b["content"] = $"某局干部收受礼金，线索编号 {tag}。"));
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });

        async Task<IDictionary<string, object>> OnlyRowAsync(HttpClient client)
        {
            var response = await client.GetAsync($"/api/v1/matters/export.xlsx?q={tag}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            return Assert.Single(MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>());
        }

        var bureau = await OnlyRowAsync(registrar.Http);
        Assert.Equal(accusation.GetProperty("number").GetString(), bureau["信访事项编号"]);
        Assert.Equal(person.Name, bureau["信访人"]);
        Assert.Equal("（保密）", (await OnlyRowAsync(street.Http))["信访人"]);
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.Action == "export" && a.Note!.Contains(tag), Ct)));
    }

    private static async Task<bool> FindsAsync(HttpClient client, string q, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/matters?pageSize=200&q={Uri.EscapeDataString(q)}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("id").GetGuid() == id);
    }

    private static string Hmac(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(XinfangApp.TestHashKey), Encoding.UTF8.GetBytes(value)));
}

/// <summary>A petitioner nobody else in the shared test database has: a rare name, a valid ID number, a mobile.</summary>
internal sealed record Person(string Name, string IdNumber, string Phone)
{
    private const string Given = "婧珩瑾琰璟翊昀煜晗钰祎珂霁骁";

    public static Person New()
    {
        var n = RandomNumberGenerator.GetInt32(Given.Length * Given.Length * 1000);
        var name = "欧阳" + Given[n % Given.Length] + Given[n / Given.Length % Given.Length];
        var body = "610114" + "19" + (60 + n % 40).ToString("D2") + "0" + (1 + n % 9) + (10 + n % 18).ToString("D2") + RandomNumberGenerator.GetInt32(1000).ToString("D3");
        return new Person(name, body + CheckDigit(body), "139" + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8"));
    }

    // GB 11643-1999: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written X.
    private static char CheckDigit(string body)
    {
        var sum = body.Select((c, i) => (c - '0') * (1 << (17 - i)) % 11).Sum();
        var check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject body, Action<JsonObject> change)
    {
        change(body);
        return body;
    }
}
