using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>Intent-revealing calls of the matters API, so a test reads as the procedure: register, transfer, accept, …</summary>
public static class MatterApi
{
    public const string Street = "610114001";       // 凤凰路街道办事处
    public const string OtherStreet = "610114002";  // 新华路街道办事处
    public const string Labour = "610114301";       // 阎良区人力资源和社会保障局
    public const string Housing = "610114302";      // 阎良区住房和城乡建设局
    public const string District = "610114000";     // 阎良区委区政府 (review body of streets and departments)
    public const string CityGovernment = "610100";  // 西安市人民政府 (recheck body)
    public const string Discipline = "610114501";   // 阎良区纪委监委
    public const string Court = "610114401";        // 阎良区人民法院

    /// <summary>
    /// A 检举控告 letter against a cadre of <paramref name="accusedUnit"/> (阎良区人力资源和社会保障局 by name), from
    /// <paramref name="accuser"/>: the matter every confidentiality test starts from (第三十条第三款).
    /// </summary>
    public static JsonObject Accusation(DateOnly receivedOn, Guid accusedUnit, string accuser = "李四") => Letter(receivedOn, b =>
    {
        b["purpose"] = "accusation";
        b["categoryCode"] = "discipline";
        b["title"] = "举报某局干部违规收受礼金";
        b["content"] = "某局干部在审批中收受礼金，请予查处。";
        b["demands"] = new JsonArray("查处违纪行为");
        b["petitioners"] = new JsonArray(new JsonObject { ["name"] = accuser, ["phone"] = "13912345678" });
        b["accused"] = new JsonObject { ["name"] = "王某", ["unit"] = "阎良区人力资源和社会保障局", ["position"] = "科长", ["unitId"] = accusedUnit.ToString() };
    });

    /// <summary>A valid 申诉求决 letter; <paramref name="change"/> edits the JSON before it is sent.</summary>
    public static JsonObject Letter(DateOnly receivedOn, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["channel"] = "letter",
            ["receivedOn"] = receivedOn.ToString("yyyy-MM-dd"),
            ["petitioners"] = new JsonArray(new JsonObject
            {
                ["name"] = "张三",
                ["idNumber"] = "610114198005170011",
                ["phone"] = "13812345678",
                ["address"] = "阎良区凤凰路 1 号",
                ["isRepresentative"] = false,
            }),
            ["headcount"] = 1,
            ["purpose"] = "claim",
            ["categoryCode"] = "labour.wages",
            ["title"] = "讨要拖欠工资",
            ["content"] = "本人在某建筑工地务工，工程结束后包工头拖欠工资两万元，多次讨要未果。",
            ["demands"] = new JsonArray("支付拖欠的工资两万元"),
            ["flags"] = new JsonArray("first-time"),
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> RegisterAsync(HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        var response = await PostRegistrationAsync(client, body, idempotencyKey);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    public static Task<HttpResponseMessage> PostRegistrationAsync(HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>An action whose body is given as an object plus the day it happened.</summary>
    public static Task<JsonElement> ActAsync(HttpClient client, JsonElement matter, string action, object body, string on)
    {
        var node = JsonSerializer.SerializeToNode(body, Json)!.AsObject();
        node["on"] = on;
        return ActAsync(client, matter, action, node);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ActAsync(HttpClient client, JsonElement matter, string action, object? body = null)
    {
        var response = await PostActionAsync(client, matter, action, body);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    public static Task<HttpResponseMessage> PostActionAsync(HttpClient client, JsonElement matter, string action, object? body = null, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/matters/{Id(matter)}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\"", isWeak: true));
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, JsonElement matter)
    {
        var response = await client.GetAsync($"/api/v1/matters/{Id(matter)}");
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    public static Guid Id(JsonElement matter) => matter.GetProperty("id").GetGuid();

    public static string Status(JsonElement matter) => matter.GetProperty("status").GetString()!;

    public static int Version(JsonElement matter) => matter.GetProperty("version").GetInt32();

    public static IReadOnlyList<string> Allowed(JsonElement matter) =>
        matter.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

    public static JsonElement Deadline(JsonElement matter, string code) =>
        matter.GetProperty("deadlines").EnumerateArray().Last(d => d.GetProperty("code").GetString() == code);

    public static DateOnly Due(JsonElement matter, string code) => DateOnly.Parse(Deadline(matter, code).GetProperty("due").GetString()!);

    public static JsonElement Notice(JsonElement matter, string kind) =>
        matter.GetProperty("notices").EnumerateArray().Last(n => n.GetProperty("kind").GetString() == kind);

    public static IReadOnlyList<string> NoticeKinds(JsonElement matter) =>
        matter.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!).ToList();

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd");
}
