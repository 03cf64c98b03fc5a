using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Where a page of a matter list ended, in the list's order (next due date, received date, number): the
/// <c>after=</c> of the next page. Opaque to clients (base64url), so its shape may change.
/// </summary>
public sealed record ListCursor(DateOnly NextDueOn, DateOnly ReceivedOn, string Number)
{
    public override string ToString() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{NextDueOn:yyyy-MM-dd}|{ReceivedOn:yyyy-MM-dd}|{Number}")));

    /// <summary>The cursor, or null for anything that is not one.</summary>
    public static ListCursor? Parse(string value)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value)).Split('|');
            return parts.Length == 3 && parts[2].Length is > 0 and <= 40
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var received)
                ? new ListCursor(due, received, parts[2]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
