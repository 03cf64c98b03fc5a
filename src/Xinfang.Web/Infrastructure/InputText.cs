using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// The one rule for text that comes in, applied at the door to every JSON body, form and query string, so that no
/// endpoint — today's or tomorrow's — can forget it and both databases store the same thing:
/// <list type="bullet">
/// <item>control characters (NUL, ESC, …; tab and line breaks are text) and lone surrogates are refused with a field
/// error: PostgreSQL cannot store NUL at all, and none of them belongs in a petition;</item>
/// <item>format characters (zero-width spaces and joiners, bidi overrides, BOM) are removed and the rest is put in
/// Unicode NFC, so that "required" and the length limits count what a reader sees and 张三 is one spelling;</item>
/// <item>a <c>null</c> inside a JSON array is refused: no list of the API holds empty items.</item>
/// </list>
/// </summary>
public static class InputText
{
    public const string InvalidCharacters = "request.invalid-characters";
    public const string NullItem = "request.null-item";

    /// <summary>The text as stored, or null when it holds a character that is refused.</summary>
    public static string? Clean(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                kept?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control && c is not ('\t' or '\n' or '\r') || category is UnicodeCategory.Surrogate)
            {
                return null;
            }

            if (category is UnicodeCategory.Format)
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            kept?.Append(c);
        }

        var visible = kept?.ToString() ?? text;
        return visible.IsNormalized(NormalizationForm.FormC) ? visible : visible.Normalize(NormalizationForm.FormC);
    }

    public static IApplicationBuilder UseInputText(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (CleanQuery(request) is { } badParameter)
        {
            await RefuseAsync(http, InvalidCharacters, badParameter);
            return;
        }

        if (request.HasJsonContentType() && request.ContentLength != 0)
        {
            if (await CleanJsonAsync(http) is { } refusal)
            {
                await RefuseAsync(http, refusal.Code, refusal.Field);
                return;
            }
        }
        else if (request.HasFormContentType && await CleanFormAsync(http) is { } badField)
        {
            await RefuseAsync(http, InvalidCharacters, badField);
            return;
        }

        await next(http);
    });

    private static string? CleanQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
        {
            return null;
        }

        var changed = false;
        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in request.Query)
        {
            var list = new string?[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } value)
                {
                    continue;
                }

                list[i] = Clean(value);
                if (list[i] is null)
                {
                    return key;
                }

                changed |= !ReferenceEquals(list[i], value) && list[i] != value;
            }

            cleaned[key] = new StringValues(list);
        }

        if (changed)
        {
            request.Query = new QueryCollection(cleaned);
        }

        return null;
    }

    private static async Task<string?> CleanFormAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in form)
        {
            var list = new string?[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                list[i] = values[i] is { } value ? Clean(value) : null;
                if (values[i] is not null && list[i] is null)
                {
                    return key;
                }
            }

            fields[key] = new StringValues(list);
        }

        http.Request.Form = new FormCollection(fields, form.Files);
        return null;
    }

    private sealed record Refusal(string Code, string Field);

    /// <summary>Rewrites a JSON body with its text cleaned; a body that is not valid JSON passes on for the endpoint to refuse.</summary>
    private static async Task<Refusal?> CleanJsonAsync(HttpContext http)
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            request.Body = new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, writable: false);
            return null;
        }

        using (document)
        {
            var output = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
            {
                if (Write(document.RootElement, writer, "") is { } refusal)
                {
                    return refusal;
                }
            }

            output.Position = 0;
            request.Body = output;
            request.ContentLength = output.Length;
            return null;
        }
    }

    private static Refusal? Write(JsonElement element, Utf8JsonWriter writer, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (Clean(element.GetString()!) is not { } text)
                {
                    return new Refusal(InvalidCharacters, path);
                }

                writer.WriteStringValue(text);
                return null;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (Write(property.Value, writer, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } refusal)
                    {
                        return refusal;
                    }
                }

                writer.WriteEndObject();
                return null;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return new Refusal(NullItem, itemPath);
                    }

                    if (Write(item, writer, itemPath) is { } refusal)
                    {
                        return refusal;
                    }
                }

                writer.WriteEndArray();
                return null;
            default:
                element.WriteTo(writer);
                return null;
        }
    }

    private static Task RefuseAsync(HttpContext http, string code, string field)
    {
        var message = code == NullItem
            ? $"{field} 不能是空项（null），请删除该项或填写内容。"
            : $"{field} 含有不允许的控制字符（如 NUL、ESC），请删除后重新提交。";
        return Problems.WriteAsync(http, StatusCodes.Status422UnprocessableEntity, code, "提交的内容有误", message,
            new Dictionary<string, string[]> { [field] = [message] });
    }
}
