using Microsoft.Net.Http.Headers;

namespace Xinfang.Web.Infrastructure;

/// <summary>Versions travel as weak ETags (<c>W/"3"</c>); <c>If-Match</c> carries the version the client saw.</summary>
public static class ETags
{
    public static string Of(int version) => $"W/\"{version}\"";

    /// <summary>The version in <c>If-Match</c>, or null when absent or <c>*</c>; -1 when it cannot be read (never matches).</summary>
    public static int? Parse(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
    }
}
