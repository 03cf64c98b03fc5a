using System.Globalization;
using System.Text;
using JiebaNet.Segmenter;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Chinese word segmentation (jieba) for the search index and for queries, so that both cut text the same way.
/// Terms are folded (NFKC, lower case), at most <see cref="MaxTermLength"/> characters, and never punctuation or a
/// stop word. The dictionaries come with the package and are copied to <c>jieba/</c> beside the assembly
/// (Xinfang.Web.csproj); loading them takes a few seconds, once per process (<see cref="Warm"/> at start).
/// </summary>
public static class Segmenter
{
    public const int MaxTermLength = 32;

    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        var segmenter = new JiebaSegmenter();
        segmenter.Cut("预热"); // the dictionary and the HMM tables load on first use
        return segmenter;
    });

    // The library's segmenter is not documented as safe for concurrent use; a cut takes well under a millisecond.
    private static readonly Lock Gate = new();

    private static readonly Lazy<HashSet<string>> StopWords = new(() =>
    {
        // jieba's list (English and Chinese function words) plus the particles and conjunctions it leaves out.
        var words = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "jieba", "stopwords.txt"))
            .Select(w => w.Trim().TrimStart('\uFEFF')).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        words.UnionWith(["的", "了", "吗", "呢", "啊", "吧", "呀", "和", "与", "及", "或", "是", "在", "也", "都", "就", "又", "还", "请", "我", "我们", "你", "他", "她", "它"]);
        return words;
    });

    /// <summary>Loads the dictionaries now rather than inside the first registration's transaction.</summary>
    public static void Warm() => _ = Jieba.Value;

    /// <summary>The terms a text is found by: every word, and the shorter words inside long ones (search mode).</summary>
    public static IEnumerable<string> IndexTerms(string? text) => Terms(text, forIndex: true);

    /// <summary>The words of a query, cut as precisely as possible: each must be a term of the text it finds.</summary>
    public static IReadOnlyList<string> QueryTerms(string? text) => Terms(text, forIndex: false).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The words of a text as written, repeats kept (precise mode): what repeat detection compares.</summary>
    public static IReadOnlyList<string> Words(string? text) => Terms(text, forIndex: false).ToList();

    /// <summary>The folded form terms are compared in: full-width letters and digits as ASCII, lower case.</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static IEnumerable<string> Terms(string? text, bool forIndex)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = Fold(text);
        List<string> words;
        lock (Gate)
        {
            words = (forIndex ? Jieba.Value.CutForSearch(folded) : Jieba.Value.Cut(folded)).ToList();
        }

        return words.Select(w => w.Trim()).Where(IsMeaningful).Select(w => w.Length > MaxTermLength ? w[..MaxTermLength] : w);
    }

    /// <summary>A word that says something: it has a letter or digit and is not a stop word.</summary>
    public static bool IsMeaningful(string word) =>
        word.Length > 0 && word.Any(c => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)
        && !StopWords.Value.Contains(word);
}
