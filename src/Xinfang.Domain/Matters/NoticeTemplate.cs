using System.Text;
using System.Text.RegularExpressions;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The wording of one kind of document, as an administrator keeps it: a title, the addressee line and the body, with
/// merge fields written <c>{{信访人}}</c>. The layout (letterhead, 文号, signature, date, seal room) is not part of
/// the wording: every document gets it the same way (GB/T 9704-2012).
/// </summary>
public sealed record NoticeTemplateText(string Title, string Addressee, string Body);

/// <summary>A template filled with a notice's fields: the text as it is printed, paragraph by paragraph.</summary>
public sealed record FilledNotice(string Title, string Addressee, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Missing);

public static partial class NoticeTemplates
{
    public const int MaxTitle = 100;
    public const int MaxAddressee = 200;
    public const int MaxBody = 8000;

    /// <summary>What a merge field the notice does not carry prints as: a line to fill in by hand, never a stray <c>{{</c>.</summary>
    public const string Blank = "＿＿＿＿＿＿";

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Field();

    /// <summary>The merge fields a text uses, in order of first use.</summary>
    public static IReadOnlyList<string> FieldsIn(string text) =>
        Field().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Refuses a template whose wording uses a field the documents of its kind never carry, naming the field, or that
    /// leaves a brace unbalanced: the mistake shows when the administrator saves, not on a petitioner's notice.
    /// </summary>
    public static Error? Check(string key, NoticeTemplateText text)
    {
        if (!NoticeFields.IsKnownTemplate(key))
        {
            return Error.NotFound("template.not-found", $"没有名为“{key}”的文书模板。");
        }

        if (string.IsNullOrWhiteSpace(text.Title))
        {
            return Error.Validation("template.title-required", "请填写文书标题。", "title");
        }

        if (string.IsNullOrWhiteSpace(text.Body))
        {
            return Error.Validation("template.body-required", "请填写文书正文。", "body");
        }

        foreach (var (name, value, limit) in new[] { ("title", text.Title, MaxTitle), ("addressee", text.Addressee, MaxAddressee), ("body", text.Body, MaxBody) })
        {
            if (value.Length > limit)
            {
                return Error.Validation("template.too-long", $"{Label(name)}不超过 {limit} 字。", name);
            }

            if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                return Error.Validation("template.control-character", $"{Label(name)}含有不可见的控制字符，请删除后再保存。", name);
            }

            var stripped = Field().Replace(value, "");
            if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
            {
                return Error.Validation("template.unbalanced-braces", $"{Label(name)}中的合并字段括号不完整：合并字段写作 {{{{字段名}}}}。", name);
            }

            var known = NoticeFields.For(key);
            var unknown = FieldsIn(value).Where(f => !known.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                return Error.Validation("template.unknown-field",
                        $"{Label(name)}使用了本类文书没有的合并字段：{string.Join("、", unknown.Select(f => $"{{{{{f}}}}}"))}。可用字段：{string.Join("、", known)}。", name)
                    .With("unknownFields", unknown);
            }
        }

        return null;
    }

    /// <summary>Fills the merge fields. A value with line breaks becomes several paragraphs (an opinion item by item).</summary>
    public static FilledNotice Fill(NoticeTemplateText text, IReadOnlyDictionary<string, string> fields)
    {
        var missing = new List<string>();
        string Merge(string template) => Field().Replace(template, m =>
        {
            if (fields.TryGetValue(m.Groups[1].Value, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            missing.Add(m.Groups[1].Value);
            return Blank;
        });

        var paragraphs = Merge(text.Body.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Split('\n')
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return new FilledNotice(Merge(text.Title).Trim(), Merge(text.Addressee).Trim(), paragraphs, missing.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The template of an issued notice: a variant for the statutory channel or the reason where one is kept
    /// (<c>route-notice.litigation</c>), otherwise the kind's own (<c>route-notice</c>).
    /// </summary>
    public static IEnumerable<string> KeysFor(NoticeKind kind, EventDetails? details)
    {
        var key = NoticeFields.KeyOf(kind);
        var variant = details switch
        {
            RouteDetails route when kind == NoticeKind.RouteNotice => Kebab(route.Channel.ToString()),
            DeclineDetails decline when kind == NoticeKind.DeclineNotice => Kebab(decline.Reason.ToString()),
            _ => null,
        };
        return variant is null ? [key] : [$"{key}.{variant}", key];
    }

    /// <summary>An enum name as it appears in keys and the API: <c>AdministrativeReview</c> → <c>administrative-review</c>.</summary>
    public static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Label(string field) => field switch
    {
        "title" => "标题",
        "addressee" => "主送",
        _ => "正文",
    };
}
