using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Supervision;

/// <summary>集中督查督办 (issue 13 item 2): the problems with their evidence and counts, and 督查督办函 in bulk, refused per matter.</summary>
public sealed class ConcentratedSupervisionTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task Letters_in_bulk_go_to_flagged_matters_and_each_other_matter_is_refused_with_its_reason(Db db)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var unit = await app.StaffAsync(Labour, "handler");

        // Transferred on 10-01 and never accepted: 应受理未受理 (and 超期办理) as of the application's 11-27.
        var flagged = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 10, 1), b => b["title"] = "督查督办 " + Guid.NewGuid()));
        flagged = await ActAsync(registrar.Http, flagged, "transfer", new { unitId = unit.UnitId, on = "2026-10-01" });
        var fresh = await RegisterAsync(registrar.Http, Letter(app.Today, b => b["title"] = "新登记 " + Guid.NewGuid()));

        var board = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/problems?type=not-accepted&unitId={unit.UnitId}", ct);
        var row = board.GetProperty("matters").EnumerateArray().Single(m => Id(m) == Id(flagged));
        Assert.Equal(["not-accepted", "overdue"], row.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("type").GetString()));
        Assert.Contains("未受理也未提出异议", row.GetProperty("problems")[0].GetProperty("evidence").GetString());
        Assert.Contains("第二十三条第三款", row.GetProperty("problems")[0].GetProperty("rule").GetString());
        Assert.True(board.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "not-accepted").GetProperty("matters").GetInt32() >= 1);
        var bad = await supervisor.Http.GetAsync("/api/v1/supervision/problems?type=slow", ct);
        await Http.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "supervision.problem-invalid");

        var unknown = Guid.NewGuid();
        var response = await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/problem-letters", new { matterIds = new[] { Id(flagged), Id(fresh), unknown } }, ct);
        await Http.EnsureAsync(response);
        var result = await ReadAsync(response);
        var issued = Assert.Single(result.GetProperty("issued").EnumerateArray());
        Assert.Equal(Id(flagged), issued.GetProperty("matterId").GetGuid());
        Assert.Matches(@"^阎信督查〔2026〕\d+号$", issued.GetProperty("number").GetString());
        Assert.Equal(["supervision.not-flagged", "matter.not-found"],
            result.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        var again = await ReadAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/problem-letters", new { matterIds = new[] { Id(flagged) } }, ct));
        Assert.Empty(again.GetProperty("issued").EnumerateArray());
        Assert.Equal("supervision.already-sent", again.GetProperty("refused")[0].GetProperty("code").GetString());

        var byUnit = await unit.Http.PostAsJsonAsync("/api/v1/supervision/problem-letters", new { matterIds = new[] { Id(flagged) } }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        var none = await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/problem-letters", new { matterIds = Array.Empty<Guid>() }, ct);
        await Http.AssertProblemAsync(none, HttpStatusCode.UnprocessableEntity, "supervision.matters-required");

        // The letter is a notice of the matter, its document stored; the unit sees the letter sent to it.
        var letters = await unit.Http.GetFromJsonAsync<JsonElement>("/api/v1/supervision/problem-letters", ct);
        var letter = letters.EnumerateArray().Single(l => l.GetProperty("matterId").GetGuid() == Id(flagged));
        Assert.Equal("应受理未受理、超期办理", letter.GetProperty("types").GetString());
        var docx = await supervisor.Http.GetAsync($"/api/v1/notices/{letter.GetProperty("id").GetGuid()}/document.docx", ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }
}
