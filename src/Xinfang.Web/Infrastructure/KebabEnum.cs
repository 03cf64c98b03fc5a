using System.Text.Json;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Enums as the API writes them everywhere — in bodies, query strings and paths (<c>?status=under-review</c>,
/// <c>POST …/self-handle</c>): through the API's own JSON converter, so a name given to a member in the domain
/// (<c>[JsonStringEnumMemberName]</c>) is the same name in every place.
/// </summary>
public static class KebabEnum
{
    public static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, ApiJson.Options).Trim('"');

    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => c is '"' or '\\'))
        {
            return false;
        }

        try
        {
            parsed = JsonSerializer.Deserialize<T>($"\"{value.Trim()}\"", ApiJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
