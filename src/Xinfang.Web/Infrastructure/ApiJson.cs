using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Xinfang.Web.Infrastructure;

/// <summary>The API's JSON: one set of options for the endpoints and for code that serialises outside a request.</summary>
public static class ApiJson
{
    /// <summary>Bodies of API requests; attachments have their own, larger limit.</summary>
    public const long MaxBody = 1024 * 1024;

    /// <summary>The public portal's calls: a petition of the longest allowed text fits many times over; anything larger is not one.</summary>
    public const long PublicMaxBody = 64 * 1024;

    /// <summary>For code that serialises outside a request (the idempotency store, page handlers).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        // Request bodies bind to the domain's own records: what has no default must be sent, and null is refused
        // where the type says it cannot be null — a missing "channel" is a 400, never a silent default.
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
