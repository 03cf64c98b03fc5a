using System.Net;
using System.Text.Json;
using Xinfang.Web.Features.Prevention;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Prevention.LedgerApi;

namespace Xinfang.Web.Tests.Prevention;

/// <summary>The ledger in Excel: all-or-nothing imports that name every error, a 10,000-row file, and the export's round trip.</summary>
public sealed class LedgerExcelTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task A_file_with_errors_stores_nothing_and_every_error_is_reported_with_row_and_column(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var marker = "导入错误" + Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(1, 6).Select(i => (IDictionary<string, object?>)Row($"{marker}-{i}")).ToList();
        rows[1]["矛盾类型"] = "不存在";              // row 3
        rows[2]["排查日期"] = "2026-12-01";            // row 4: in the future
        rows[3]["涉及人数"] = "很多";                  // row 5: not a number
        rows[3]["责任单位"] = "火星街道办事处";          // row 5: unknown unit
        rows[5]["风险等级"] = "极高";                  // row 7

        var response = await ImportAsync(street.Http, Sheet(rows));

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ledger.import-invalid");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "矛盾类型"), (4, "排查日期"), (5, "涉及人数"), (5, "责任单位"), (7, "风险等级")], errors);
        Assert.Equal(5, problem.GetProperty("errorCount").GetInt32());
        Assert.DoesNotContain(marker, await street.Http.GetStringAsync("/api/v1/ledger/items?pageSize=200", Ct));
    }

    [Fact]
    public async Task The_pages_download_links_work_with_the_session_cookie()
    {
        var app = await apps.For(Db.Sqlite);
        var street = await PageSession.StaffAsync(app, MatterApi.Street, "handler");

        foreach (var (page, link, type) in new[]
        {
            ("/prevention/ledger", "/prevention/ledger/export.xlsx", "spreadsheetml"),
            ("/prevention/analysis", "/prevention/analysis.docx", "wordprocessingml"),
        })
        {
            var html = await street.GetPageAsync(page);
            var href = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $"href=\"({System.Text.RegularExpressions.Regex.Escape(link)}[^\"]*)\"").Groups[1].Value);
            Assert.StartsWith(link, href, StringComparison.Ordinal);
            var file = await street.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Contains(type, file.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseData]
    public async Task A_file_that_is_not_xlsx_or_has_wrong_columns_or_too_many_rows_is_refused(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync(MatterApi.Street, "handler");

        await Http.AssertProblemAsync(await ImportAsync(street.Http, "这不是表格"u8.ToArray()), HttpStatusCode.UnprocessableEntity, "ledger.import-not-xlsx");

        var wrong = Row("列错误");
        wrong.Remove("责任人");
        wrong["备注"] = "多出的列";
        var problem = await Http.AssertProblemAsync(await ImportAsync(street.Http, Sheet([wrong])), HttpStatusCode.UnprocessableEntity, "ledger.import-invalid");
        var columns = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToHashSet();
        Assert.Equal(["责任人", "备注"], columns);

        // One row over the limit is enough: the import stops reading there.
        var huge = Sheet(Enumerable.Range(1, LedgerExcel.MaxRows + 1).Select(i => (IDictionary<string, object?>)Row($"超量{i}")));
        problem = await Http.AssertProblemAsync(await ImportAsync(street.Http, huge), HttpStatusCode.UnprocessableEntity, "ledger.import-invalid");
        Assert.Contains("20000", problem.GetProperty("detail").GetString());
    }

    [Theory, DatabaseData]
    public async Task A_valid_file_of_ten_thousand_rows_is_imported_whole(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync("610114004", "handler");
        var marker = "万行" + Guid.NewGuid().ToString("N")[..8];
        var file = Sheet(Enumerable.Range(1, 10_000).Select(i => (IDictionary<string, object?>)Row($"{marker}-{i}", unit: "新兴街道办事处")));

        var response = await ImportAsync(street.Http, file);

        await Http.EnsureAsync(response);
        Assert.Equal(10_000, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32());
        var page = await street.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/items?unitId={street.UnitId}&pageSize=1", Ct);
        Assert.True(page.GetProperty("total").GetInt32() >= 10_000);
    }

    [Theory, DatabaseData]
    public async Task An_export_imports_back_to_the_same_items_with_identifiers_masked(Db db)
    {
        var app = await apps.For(db);
        var street = await app.StaffAsync("610114005", "handler");
        var marker = "往返" + Guid.NewGuid().ToString("N")[..8];
        foreach (var i in Enumerable.Range(1, 3))
        {
            await FileAsync(street.Http, await ItemAsync(app, "610114005", new DateOnly(2026, 11, i), x => x["title"] = $"{marker}-{i}"));
        }

        var exported = ReadSheet(await street.Http.GetByteArrayAsync("/api/v1/ledger/export.xlsx?from=2026-11-01&to=2026-11-03", Ct))
            .Where(r => ((string)r["标题"]!).StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, exported.Count);
        Assert.All(exported, r => Assert.Equal("138****5678", r["当事人联系电话"]));
        Assert.All(exported, r => Assert.Equal("610114********0011", r["当事人身份证号"]));

        var other = await app.StaffAsync("610114100", "handler");
        await Http.EnsureAsync(await ImportAsync(other.Http, Sheet(exported.Cast<IDictionary<string, object?>>())));
        var again = ReadSheet(await other.Http.GetByteArrayAsync("/api/v1/ledger/export.xlsx?from=2026-11-01&to=2026-11-03", Ct))
            .Where(r => ((string)r["标题"]!).StartsWith(marker, StringComparison.Ordinal)).OrderBy(r => r["标题"]).ToList();

        Assert.Equal(3, again.Count);
        // Everything comes back but the number (new items) and the identifiers, which an export never discloses.
        string[] kept = ["排查日期", "矛盾类型", "标题", "基本情况", "问题属地", "涉及人员", "涉及人数", "涉及金额（元）", "风险等级", "来源", "责任单位", "责任人", "包案领导", "稳控化解措施", "化解期限", "化解状态"];
        foreach (var (before, after) in exported.OrderBy(r => r["标题"]).Zip(again))
        {
            Assert.Equal(kept.Select(k => before[k]?.ToString()), kept.Select(k => after[k]?.ToString()));
            Assert.Null(after["当事人联系电话"]);
        }
    }
}
