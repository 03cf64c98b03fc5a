using System.Text.Json;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Portal;

/// <summary>The public portal's calls as a petitioner makes them, and the staff steps that bring a matter to them.</summary>
public static class PortalApi
{
    public const string Petitions = "/api/v1/public/petitions";

    /// <summary>An online petition as a citizen fills it in; <paramref name="change"/> edits the JSON before it is sent.</summary>
    public static JsonObject Petition(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["consent"] = true,
            ["petitioners"] = new JsonArray(new JsonObject { ["name"] = "王五", ["phone"] = "13700001111", ["idNumber"] = "610114198005170011" }),
            ["purpose"] = "claim",
            ["categoryCode"] = "labour.wages",
            ["title"] = "工地拖欠工资",
            ["content"] = "本人在某工地务工三个月，工程结束后工资一直未付，多次讨要未果。",
            ["demands"] = new JsonArray("支付拖欠工资"),
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<(string Number, string Code)> SubmitAsync(HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync(Petitions, body ?? Petition());
        await Http.EnsureAsync(response);
        var receipt = await ReadAsync(response);
        return (receipt.GetProperty("number").GetString()!, receipt.GetProperty("queryCode").GetString()!);
    }

    public static Task<HttpResponseMessage> QueryAsync(HttpClient client, string number, string code) =>
        client.GetAsync($"{Petitions}/{Uri.EscapeDataString(number)}?queryCode={Uri.EscapeDataString(code)}");

    /// <summary>The matter as staff see it, found by its number.</summary>
    public static async Task<JsonElement> MatterAsync(HttpClient staff, string number)
    {
        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(number)}");
        var id = page.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("number").GetString() == number).GetProperty("id").GetGuid();
        return await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}");
    }

    /// <summary>Transferred to the labour bureau, accepted, concluded in support and the opinion delivered, all today.</summary>
    public static async Task<(JsonElement Matter, StaffClient Registrar, StaffClient Unit)> ConcludedAsync(XinfangApp app, string number)
    {
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await MatterAsync(registrar.Http, number);
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId });
        matter = await ActAsync(unit.Http, matter, "accept");
        matter = await ActAsync(unit.Http, matter, "conclude", new
        {
            outcome = "support", facts = "经核实，拖欠工资属实", legalBasis = "《保障农民工工资支付条例》第十八条", opinion = "责令用工单位十日内支付拖欠工资",
        });
        matter = await ActAsync(unit.Http, matter, "deliver", new { noticeId = Notice(matter, "handling-opinion").GetProperty("id").GetGuid(), method = "in-person" });
        return (matter, registrar, unit);
    }

    public static string Text(JsonElement element) => JsonSerializer.Serialize(element);
}
