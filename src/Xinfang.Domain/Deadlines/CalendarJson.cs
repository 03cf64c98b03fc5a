using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinfang.Domain.Deadlines;

/// <summary>
/// The one place that reads and writes a <see cref="CalendarYear"/> as JSON: the shipped files and the HTTP API
/// (<c>GET/PUT /calendar/{year}</c>) share this shape,
/// <c>{ "year": 2025, "source": "…", "days": [ { "date": "2025-01-01", "kind": "holiday", "name": "元旦" } ] }</c>.
/// </summary>
public static class CalendarJson
{
    /// <summary>camelCase names, kinds as <c>holiday</c>/<c>workday</c>, dates as <c>YYYY-MM-DD</c>, Chinese unescaped.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses one year. Malformed JSON, a missing member or an unknown kind throws <see cref="JsonException"/>;
    /// the content is checked separately by <see cref="CalendarValidation.Validate"/>.</summary>
    public static CalendarYear Parse(string json) =>
        JsonSerializer.Deserialize<CalendarYear>(json, Options) ?? throw new JsonException("日历内容为空。");

    public static string Serialize(CalendarYear year) => JsonSerializer.Serialize(year, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
            IndentSize = 2,
            // A calendar with a missing name or source must fail loudly, not arrive as null.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            Converters = { new JsonStringEnumConverter<DayKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
