using System.Net;
using System.Text;

namespace Xinfang.Web.Documents;

/// <summary>
/// The print view of an <see cref="OfficialDocument"/>: the same text as the Word file, on an A4 page with the same
/// margins, fonts and letterhead. The toolbar (print, download, back) is on screen only: the print stylesheet (<c>wwwroot/css/document.css</c>) hides it.
/// </summary>
public static class HtmlWriter
{
    public static string Write(OfficialDocument document, string pageTitle, string? downloadUrl, string? backUrl)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(Encode(pageTitle)).Append("</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/css/document.css\"></head><body class=\"document\">");
        html.Append("<nav class=\"toolbar\" aria-label=\"文书操作\"><button type=\"button\" id=\"print\">打印</button>");
        if (downloadUrl is not null)
        {
            html.Append("<a href=\"").Append(Encode(downloadUrl)).Append("\">下载 Word 文档</a>");
        }

        if (backUrl is not null)
        {
            html.Append("<a href=\"").Append(Encode(backUrl)).Append("\">返回事项</a>");
        }

        html.Append("</nav><main class=\"sheet\">");
        AppendSheet(html, document);
        html.Append("</main><script src=\"/js/print.js\"></script></body></html>");
        return html.ToString();
    }

    /// <summary>The page itself, also used by the live preview of the template administration.</summary>
    public static string Sheet(OfficialDocument document)
    {
        var html = new StringBuilder("<div class=\"sheet\">");
        AppendSheet(html, document);
        return html.Append("</div>").ToString();
    }

    private static void AppendSheet(StringBuilder html, OfficialDocument document)
    {
        if (document.Letterhead)
        {
            html.Append("<div class=\"letterhead\">").Append(Encode(document.Issuer)).Append("</div>");
        }

        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>");
        if (document.Number is { Length: > 0 } number)
        {
            html.Append("<div class=\"number\">").Append(Encode(number)).Append("</div>");
        }

        html.Append("<p class=\"addressee\">").Append(Encode(document.Addressee)).Append("</p>");
        for (var i = 0; i < document.Paragraphs.Count; i++)
        {
            var paragraph = document.Paragraphs[i];
            html.Append(OfficialDocument.IsHeading(paragraph) ? "<p class=\"heading\">" : "<p class=\"body\">").Append(Encode(paragraph)).Append("</p>");
            foreach (var table in document.TablesAfter(i))
            {
                html.Append("<table class=\"figures\"><caption>").Append(Encode(table.Caption)).Append("</caption><thead><tr>");
                html.AppendJoin("", table.Headers.Select(h => $"<th>{Encode(h)}</th>")).Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{Encode(c)}</td>")).Append("</tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        foreach (var line in document.SignatureLines ?? [])
        {
            html.Append("<p class=\"body\">").Append(Encode(line)).Append("</p>");
        }

        html.Append("<div class=\"seal-room\"></div><p class=\"sign\">").Append(Encode(document.Issuer)).Append("</p><p class=\"sign\">")
            .Append(Encode(document.Date)).Append("</p>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
