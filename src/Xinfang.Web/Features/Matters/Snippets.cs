namespace Xinfang.Web.Features.Matters;

/// <summary>The part of a text that shows why a search found it, and the searched words marked in it.</summary>
public static class Snippets
{
    public const int Length = 90;

    /// <summary>About <see cref="Length"/> characters around the first of <paramref name="words"/> in the text, or its start.</summary>
    public static string? Around(string? text, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - Length / 3, text.Length - Length));
        var length = Math.Min(Length, text.Length - start);
        return string.Concat(start > 0 ? "…" : "", text.AsSpan(start, length), start + length < text.Length ? "…" : "");
    }

    /// <summary>The text cut into pieces, each either one of <paramref name="words"/> (to be marked) or the text between them.</summary>
    public static IReadOnlyList<(string Text, bool Marked)> Mark(string text, IReadOnlyList<string> words)
    {
        var pieces = new List<(string, bool)>();
        var wanted = words.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
        var plain = 0;
        var at = 0;
        while (at < text.Length)
        {
            var word = wanted.FirstOrDefault(w => string.Compare(text, at, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0 && at + w.Length <= text.Length);
            if (word is null)
            {
                at++;
                continue;
            }

            if (at > plain)
            {
                pieces.Add((text[plain..at], false));
            }

            pieces.Add((text.Substring(at, word.Length), true));
            at += word.Length;
            plain = at;
        }

        if (plain < text.Length)
        {
            pieces.Add((text[plain..], false));
        }

        return pieces;
    }
}
