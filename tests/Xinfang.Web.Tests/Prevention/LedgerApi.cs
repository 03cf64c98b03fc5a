using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Prevention;

/// <summary>Intent-revealing calls of the ledger API, and spreadsheets in the ledger's layout.</summary>
public static class LedgerApi
{
    /// <summary>A valid item of wage arrears at the given street; <paramref name="change"/> edits the JSON before it is sent.</summary>
    public static async Task<JsonObject> ItemAsync(XinfangApp app, string unitCode, DateOnly reportedOn, Action<JsonObject>? change = null)
    {
        var unit = await app.UnitIdAsync(unitCode);
        var body = new JsonObject
        {
            ["topic"] = "欠薪",
            ["title"] = "某小区工地拖欠农民工工资",
            ["description"] = "工程完工后包工头拖欠 12 名农民工工资约 36 万元，工人多次到工地讨要。",
            ["locationUnitId"] = unit,
            ["people"] = "王某等 12 人",
            ["headcount"] = 12,
            ["amount"] = 360000,
            ["contactPhone"] = "13812345678",
            ["contactIdNumber"] = "610114198005170011",
            ["risk"] = "high",
            ["source"] = "screening",
            ["responsibleUnitId"] = unit,
            ["responsiblePerson"] = "李主任",
            ["leader"] = "赵副主任",
            ["measures"] = "约谈建设单位，督促垫付工资。",
            ["reportedOn"] = reportedOn.ToString("yyyy-MM-dd"),
            ["dueOn"] = reportedOn.AddDays(30).ToString("yyyy-MM-dd"),
            ["status"] = "unresolved",
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> FileAsync(HttpClient client, JsonObject item)
    {
        var response = await client.PostAsJsonAsync("/api/v1/ledger/items", item);
        await Http.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> UpdateAsync(HttpClient client, Guid id, object update)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/ledger/items/{id}/updates", update);
        await Http.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string name = "台账.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", name);
        return client.PostAsync("/api/v1/ledger/import", content);
    }

    /// <summary>A sheet with these rows (header → value); the headers are the first row's keys.</summary>
    public static byte[] Sheet(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    public static Dictionary<string, object?> Row(string title, string unit = "凤凰路街道办事处", string reportedOn = "2026-11-02") => new()
    {
        ["排查日期"] = reportedOn,
        ["矛盾类型"] = "冬季供暖",
        ["标题"] = title,
        ["基本情况"] = "小区供暖温度不达标，住户多次反映。",
        ["问题属地"] = unit,
        ["涉及人员"] = "小区住户",
        ["涉及人数"] = 40,
        ["涉及金额（元）"] = null,
        ["当事人联系电话"] = "13912345678",
        ["当事人身份证号"] = null,
        ["风险等级"] = "中",
        ["来源"] = "网格上报",
        ["责任单位"] = unit,
        ["责任人"] = "张科长",
        ["包案领导"] = null,
        ["稳控化解措施"] = "协调热力公司检修管网。",
        ["化解期限"] = "2026-12-15",
        ["化解状态"] = "化解中",
    };

    public static List<Dictionary<string, object?>> ReadSheet(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
    }
}
