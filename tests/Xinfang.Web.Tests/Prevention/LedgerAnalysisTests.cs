using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Notices;
using static Xinfang.Web.Tests.Prevention.LedgerApi;

namespace Xinfang.Web.Tests.Prevention;

/// <summary>分析研判 against counts the test works out itself from what it filed, on a database of its own.</summary>
public sealed class LedgerAnalysisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Filed(Guid Id, string Topic, string Unit, string Risk, DateOnly On, DateOnly? ResolvedOn);

    [Theory, DatabaseData]
    public async Task The_analysis_figures_match_counts_computed_from_the_filed_items(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var bureau = await app.StaffAsync("610114", "registrar");
        var random = new Random(16);
        string[] topics = ["冬季供暖", "欠薪", "物业", "邻里纠纷"];
        string[] units = [MatterApi.Street, MatterApi.OtherStreet, MatterApi.Housing];
        string[] risks = ["low", "medium", "high", "major"];
        var (from, to) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        DateOnly[] days = [new(2025, 10, 12), new(2026, 9, 5), new(2026, 9, 20), new(2026, 10, 3), new(2026, 10, 18), new(2026, 10, 30)];
        var filed = new List<Filed>();
        for (var i = 0; i < 36; i++)
        {
            var (topic, unit, risk, on) = (topics[random.Next(topics.Length)], units[random.Next(units.Length)], risks[random.Next(risks.Length)], days[random.Next(days.Length)]);
            var item = await FileAsync(bureau.Http, await ItemAsync(app, unit, on, x => (x["topic"], x["risk"]) = (topic, risk)));
            DateOnly? resolved = random.Next(3) == 0 ? on.AddDays(random.Next(0, 20)) : null;
            if (resolved is { } r)
            {
                await UpdateAsync(bureau.Http, Id(item), new { note = "已化解", status = "resolved", on = r.ToString("yyyy-MM-dd") });
            }

            filed.Add(new Filed(Id(item), topic, unit, risk, on, resolved));
        }

        var a = await bureau.Http.GetFromJsonAsync<JsonElement>("/api/v1/ledger/analysis?from=2026-10-01&to=2026-10-31", Ct);

        var inPeriod = filed.Where(f => f.On >= from && f.On <= to).ToList();
        Assert.Equal(inPeriod.Count, a.GetProperty("total").GetInt32());
        Assert.Equal(inPeriod.Count, a.GetProperty("new").GetInt32());
        Assert.Equal(filed.Count(f => f.ResolvedOn >= from && f.ResolvedOn <= to), a.GetProperty("resolved").GetInt32());
        Assert.Equal(filed.Count(f => f.On <= to && !(f.ResolvedOn <= to)), a.GetProperty("open").GetInt32());
        Assert.Equal(Counts(inPeriod.GroupBy(f => f.Topic)), Named(a, "byTopic"));
        Assert.Equal(Counts(inPeriod.GroupBy(f => f.Risk switch { "low" => "低", "medium" => "中", "high" => "高", _ => "重大" })),
            Named(a, "byRisk").Where(kv => kv.Value > 0).ToDictionary());
        Assert.Equal(inPeriod.Select(f => f.Unit).Distinct().Count(), a.GetProperty("byUnit").GetArrayLength());

        var previous = filed.Where(f => f.On >= new DateOnly(2026, 8, 31) && f.On <= new DateOnly(2026, 9, 30)).ToList();
        var lastYear = filed.Where(f => f.On >= new DateOnly(2025, 10, 1) && f.On <= new DateOnly(2025, 10, 31)).ToList();
        foreach (var trend in a.GetProperty("trends").EnumerateArray())
        {
            var topic = trend.GetProperty("topic").GetString();
            Assert.Equal(inPeriod.Count(f => f.Topic == topic), trend.GetProperty("count").GetInt32());
            Assert.Equal(previous.Count(f => f.Topic == topic), trend.GetProperty("previous").GetInt32());
            Assert.Equal(lastYear.Count(f => f.Topic == topic), trend.GetProperty("lastYear").GetInt32());
        }

        var rising = a.GetProperty("rising").EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToHashSet();
        Assert.Equal(topics.Where(t => inPeriod.Count(f => f.Topic == t) > Math.Min(previous.Count(f => f.Topic == t), lastYear.Count(f => f.Topic == t))).ToHashSet(), rising);
        var oldest = filed.Where(f => f.On <= to && !(f.ResolvedOn <= to)).Min(f => f.On);
        Assert.Equal(oldest.ToString("yyyy-MM-dd"), a.GetProperty("longestOpen")[0].GetProperty("reportedOn").GetString());

        var docx = await bureau.Http.GetAsync("/api/v1/ledger/analysis.docx?from=2026-10-01&to=2026-10-31", Ct);
        await Http.EnsureAsync(docx);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync(Ct);
        var text = NoticeDocumentTests.AssertValid(bytes);
        Assert.Contains("矛盾纠纷排查化解分析研判报告", text, StringComparison.Ordinal);
        Assert.Contains("（2026年10月1日至2026年10月31日）", text, StringComparison.Ordinal);
        if (db == Db.Sqlite) // the layout does not depend on the database: one rendering is enough for a look
        {
            var rendered = await OfficeRenderingTests.RenderAsync(bytes, Path.Combine(Browser.BrowserFixture.ScreenshotRoot, "ledger-analysis"), "ledger-analysis");
            Assert.Contains("表1各类矛盾纠纷数量及变化", rendered, StringComparison.Ordinal);
            Assert.Contains("久拖未化解事项", rendered, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, int> Counts(IEnumerable<IGrouping<string, Filed>> groups) => groups.ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Named(JsonElement analysis, string property) =>
        analysis.GetProperty(property).EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("count").GetInt32());
}
