using System.Net;
using System.Text.RegularExpressions;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>
/// Every page's download link works in a browser: the session cookie opens it (the /api paths answer only to a bearer
/// token, so a page must link to the same file under its own path).
/// </summary>
public sealed class DownloadLinkTests(SharedApps apps)
{
    [Fact]
    public async Task The_pages_download_links_work_with_the_session_cookie()
    {
        var app = await apps.For(Db.Sqlite);
        var street = await PageSession.StaffAsync(app, MatterApi.Street, "handler");
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await MatterApi.RegisterAsync(registrar.Http, MatterApi.Letter(app.Today));
        await MatterApi.ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(MatterApi.Street), on = MatterApi.Date(app.Today) });

        foreach (var (page, link, type) in new[]
        {
            ("/prevention/ledger", "/prevention/ledger/export.xlsx", "spreadsheetml"),
            ("/prevention/analysis", "/prevention/analysis.docx", "wordprocessingml"),
            ("/matters?q=%E5%B7%A5%E8%B5%84", "/matters/export.xlsx", "spreadsheetml"),
        })
        {
            var html = await street.GetPageAsync(page);
            var href = WebUtility.HtmlDecode(Regex.Match(html, $"href=\"({Regex.Escape(link)}[^\"]*)\"").Groups[1].Value);
            Assert.StartsWith(link, href, StringComparison.Ordinal);
            var file = await street.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Contains(type, file.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }
}
