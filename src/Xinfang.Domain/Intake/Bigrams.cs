using System.Text;

namespace Xinfang.Domain.Intake;

// Character-bigram counts of a text. Chinese has no spaces between words, so overlapping character pairs stand in
// for words (一个词 → 一个, 个词); this needs no dictionary and copes with rewording. Punctuation and whitespace are
// ignored, full-width forms are folded (NFKC) and Latin letters are compared case-insensitively.
internal sealed class Bigrams
{
    private readonly Dictionary<int, int> _counts = [];
    private readonly double _norm;

    private Bigrams(params ReadOnlySpan<string?> texts)
    {
        var previous = '\0';
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var raw in text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC))
            {
                if (!char.IsLetterOrDigit(raw))
                {
                    continue;
                }

                var c = char.ToLowerInvariant(raw);
                if (previous != '\0')
                {
                    Add((previous << 16) | c);
                }

                previous = c;
            }
        }

        // A text of a single character still has to equal itself.
        if (_counts.Count == 0 && previous != '\0')
        {
            Add(previous << 16);
        }

        var sumOfSquares = 0L;
        foreach (var count in _counts.Values)
        {
            sumOfSquares += (long)count * count;
        }

        _norm = Math.Sqrt(sumOfSquares);
    }

    public static Bigrams Of(params ReadOnlySpan<string?> texts) => new(texts);

    // Cosine of the two count vectors, in [0, 1]. Cosine rather than Jaccard: a new letter that repeats an old one
    // and adds a paragraph still scores high. An empty text is similar to nothing.
    public double Cosine(Bigrams other)
    {
        if (_norm == 0 || other._norm == 0)
        {
            return 0;
        }

        var (small, large) = _counts.Count <= other._counts.Count ? (this, other) : (other, this);
        var dot = 0L;
        foreach (var (bigram, count) in small._counts)
        {
            if (large._counts.TryGetValue(bigram, out var otherCount))
            {
                dot += (long)count * otherCount;
            }
        }

        return Math.Min(1, dot / (_norm * other._norm));
    }

    private void Add(int bigram) => _counts[bigram] = _counts.GetValueOrDefault(bigram) + 1;
}
