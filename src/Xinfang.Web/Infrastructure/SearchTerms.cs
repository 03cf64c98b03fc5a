using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Infrastructure;

/// <summary>What a matter is found by: the words of its texts, every part of its petitioners' names, its numbers.</summary>
public static class SearchTerms
{
    /// <summary>Names up to this length are indexed by every part (a clerk types "建国" for 刘建国); longer ones (organisations) by their words.</summary>
    public const int WholeNameParts = 16;

    public static IReadOnlyCollection<(TermField Field, string Term)> Of(Matter matter, IEnumerable<string> names, IEnumerable<string> noticeNumbers,
                                                                         IEnumerable<string> notes)
    {
        var terms = new HashSet<(TermField, string)>();
        foreach (var text in Texts(matter).Concat(notes))
        {
            foreach (var term in Segmenter.IndexTerms(text))
            {
                terms.Add((TermField.Text, term));
            }
        }

        foreach (var name in names)
        {
            foreach (var part in NameParts(name))
            {
                terms.Add((TermField.Name, part));
            }
        }

        foreach (var number in NumberParts(matter.Number).Concat(noticeNumbers.SelectMany(NoticeNumberParts)))
        {
            terms.Add((TermField.Number, number));
        }

        return terms;
    }

    /// <summary>Every part of a name as the clerk might type it: 刘建国 → 刘, 刘建, 刘建国, 建, 建国, 国.</summary>
    public static IEnumerable<string> NameParts(string? name)
    {
        var folded = NameKey(name);
        if (folded.Length == 0)
        {
            return [];
        }

        if (folded.Length > WholeNameParts)
        {
            return Segmenter.IndexTerms(folded).Append(folded[..Math.Min(folded.Length, 64)]);
        }

        var parts = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < folded.Length; start++)
        {
            for (var length = 1; start + length <= folded.Length; length++)
            {
                parts.Add(folded.Substring(start, length));
            }
        }

        return parts;
    }

    /// <summary>A name as compared: folded, without the spaces and middle dots people write in some names (阿依古丽·买买提).</summary>
    public static string NameKey(string? name) =>
        name is null ? "" : new string(Segmenter.Fold(name).Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '•' or '.')).ToArray());

    /// <summary>610114-2025-000123 is found as typed whole, as 2025-000123, 000123 and 123.</summary>
    public static IEnumerable<string> NumberParts(string number)
    {
        var folded = Segmenter.Fold(number.Trim());
        yield return folded;
        var pieces = folded.Split('-');
        if (pieces.Length == 3)
        {
            yield return pieces[1] + "-" + pieces[2];
            yield return pieces[2];
            var trimmed = pieces[2].TrimStart('0');
            if (trimmed.Length > 0 && trimmed != pieces[2])
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>阎信受〔2025〕12号 is found whole, and without the closing 号.</summary>
    public static IEnumerable<string> NoticeNumberParts(string number)
    {
        var folded = Segmenter.Fold(number.Trim());
        yield return folded;
        if (folded.EndsWith('号') && folded.Length > 1)
        {
            yield return folded[..^1];
        }
    }

    private static IEnumerable<string?> Texts(Matter matter)
    {
        yield return matter.Title;
        yield return matter.Content;
        foreach (var demand in matter.Demands)
        {
            yield return demand;
        }

        if (matter.Conclusion is { } conclusion)
        {
            yield return conclusion.Facts;
            yield return conclusion.Opinion;
            foreach (var item in conclusion.Items)
            {
                yield return item.Facts;
            }
        }

        yield return matter.ReviewOpinion?.Opinion;
        yield return matter.RecheckOpinion?.Opinion;
        yield return matter.Implementation?.Note;
    }
}
