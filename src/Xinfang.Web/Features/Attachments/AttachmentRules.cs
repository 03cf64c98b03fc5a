using System.Text;
using Xinfang.Domain.Shared;

namespace Xinfang.Web.Features.Attachments;

/// <summary>
/// What may be attached: the type is read from the first bytes of the content (a letter renamed .pdf is still what
/// it is), the size is capped by <c>Attachments:MaxBytes</c>, and a name with a path, a <c>..</c> or a control
/// character is refused, not quietly changed, so that the clerk knows what was stored.
/// </summary>
public static class AttachmentRules
{
    public const int MaxNameLength = Data.Attachment.MaxNameLength;
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    private static readonly (string Type, string Extension, Func<ReadOnlySpan<byte>, bool> Matches)[] Signatures =
    [
        ("application/pdf", ".pdf", b => b.StartsWith("%PDF-"u8)),
        ("image/png", ".png", b => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ("image/jpeg", ".jpg", b => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])),
        ("image/tiff", ".tif", b => b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)),
        ("audio/mpeg", ".mp3", b => b.StartsWith("ID3"u8) || b.Length > 1 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0),
        ("audio/wav", ".wav", b => b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WAVE"u8)),
        ("audio/amr", ".amr", b => b.StartsWith("#!AMR"u8)),
        ("audio/mp4", ".m4a", b => b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8) && (b[8..11].SequenceEqual("M4A"u8) || b[8..12].SequenceEqual("isom"u8) || b[8..12].SequenceEqual("mp42"u8))),
    ];

    /// <summary>The allowed types, as the upload form lists them.</summary>
    public const string Allowed = "PDF、PNG、JPEG、TIFF 图片，MP3、WAV、AMR、M4A 录音";

    /// <summary>The type the content shows, or null when it is none of the allowed ones.</summary>
    public static (string Type, string Extension)? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (type, extension, matches) in Signatures)
        {
            if (matches(content))
            {
                return (type, extension);
            }
        }

        return null;
    }

    /// <summary>The name to store, or a refusal saying what is wrong with it.</summary>
    public static Result<string> Name(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Error.Validation("attachment.name-required", "文件没有名称。", "file");
        }

        if (trimmed.Any(char.IsControl) || trimmed.Contains("..", StringComparison.Ordinal) || trimmed.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0)
        {
            return Error.Validation("attachment.name-invalid", "文件名不能含有路径（/ \\ ..）、控制字符或 : * ? \" < > | 等字符，请改名后再上传。", "file");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return Error.Validation("attachment.name-too-long", $"文件名不超过 {MaxNameLength} 个字符。", "file");
        }

        return trimmed.Normalize(NormalizationForm.FormC);
    }
}
