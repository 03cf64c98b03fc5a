using System.Text;

namespace Xinfang.Web.Infrastructure;

/// <summary>Enums in query strings are kebab-case like everywhere else in the API (<c>?status=under-review</c>).</summary>
public static class KebabEnum
{
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value) || char.IsDigit(value.Trim()[0]))
        {
            return false;
        }

        var pascal = new StringBuilder();
        foreach (var part in value.Trim().Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            pascal.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return Enum.TryParse(pascal.ToString(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }
}
