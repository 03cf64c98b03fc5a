using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Prevention;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>
/// A petitioner's ID number and phone, typed once at registration, must not come out anywhere they are not asked for:
/// not in the log, not in an answer, not in a Word document or an Excel export (the audit trail's included).
/// </summary>
public sealed partial class IdentifierLeakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Identifiers_appear_in_no_log_answer_document_or_export(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var auditor = await app.StaffAsync("610114", "auditor");
        var (id, phone, contactId, contactPhone) = (TestPeople.IdNumber(), TestPeople.Mobile(), TestPeople.IdNumber(false), TestPeople.Mobile());
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today, b =>
        {
            b["petitioners"]![0]!["idNumber"] = id;
            b["petitioners"]![0]!["phone"] = phone;
        }));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = street.UnitId, on = Date(app.Today) });
        await LedgerApi.FileAsync(street.Http, await LedgerApi.ItemAsync(app, Street, app.Today, b =>
        {
            b["contactIdNumber"] = contactId;
            b["contactPhone"] = contactPhone;
        }));

        var outputs = new Dictionary<string, string>
        {
            ["matter as registrar"] = await registrar.Http.GetStringAsync($"/api/v1/matters/{Id(matter)}", Ct),
            ["matter as handler"] = await street.Http.GetStringAsync($"/api/v1/matters/{Id(matter)}", Ct),
            ["list"] = await registrar.Http.GetStringAsync("/api/v1/matters?q=张三", Ct),
            ["ledger items"] = await street.Http.GetStringAsync("/api/v1/ledger/items", Ct),
            ["ledger export"] = await OfficeTextAsync(street.Http, "/api/v1/ledger/export.xlsx"),
            ["audit"] = await auditor.Http.GetStringAsync("/api/v1/audit?pageSize=200", Ct),
            ["audit export"] = await OfficeTextAsync(auditor.Http, "/api/v1/audit/export.xlsx"),
        };
        foreach (var notice in matter.GetProperty("notices").EnumerateArray())
        {
            var noticeId = notice.GetProperty("id").GetGuid();
            outputs[$"{notice.GetProperty("kind")} docx"] = await OfficeTextAsync(registrar.Http, $"/api/v1/notices/{noticeId}/document.docx");
            outputs[$"{notice.GetProperty("kind")} print"] = await registrar.Http.GetStringAsync($"/api/v1/notices/{noticeId}/print", Ct);
        }

        outputs["log"] = string.Join('\n', app.Log.Lines);

        var leaks = (from output in outputs
                     from secret in new[] { id, phone, contactId, contactPhone }
                     where Digits(output.Value).Contains(secret, StringComparison.Ordinal)
                     select $"{output.Key} holds {secret}").ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        Assert.True(app.Log.Lines.Count > 0, "Nothing was logged at all; the scan read an empty log.");
    }

    /// <summary>The text of a Word or Excel file: every part of the package, tags removed, so a number split over runs still shows.</summary>
    private static async Task<string> OfficeTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        await Http.EnsureAsync(response);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(Tags().Replace(await reader.ReadToEndAsync(Ct), ""));
        }

        return text.ToString();
    }

    /// <summary>Only the digits and X of a text, so "139 1234 5678" or a number split by markup is found as well.</summary>
    private static string Digits(string text) => new(text.Where(c => char.IsAsciiDigit(c) || c is 'X' or '\n').ToArray());

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
