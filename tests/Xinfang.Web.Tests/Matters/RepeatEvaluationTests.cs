using System.Globalization;
using System.Text.Json;
using Xinfang.Domain.Intake;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Tests.Matters;

/// <summary>
/// Issue 14, item 3: precision and recall of repeat detection at its default threshold on 500 labelled pairs
/// (RepeatEvaluation/pairs.json, written by generate.py beside it: reworded and re-submitted matters of one person,
/// another matter of the same person, the same kind of problem from different people). The texts go through the same
/// jieba segmentation and the same person keys as in <see cref="RepeatFinder"/>; word weights are counted over the set's
/// 1,000 texts as the finder counts them over the matters. No database: it is the scorer that is measured.
/// </summary>
public sealed class RepeatEvaluationTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record PersonJson(string? Name, string? IdNumber, string? Phone, string? Address);

    private sealed record MatterJson(PersonJson[] Persons, string Title, string Content, string[] Demands, string CategoryCode, string Location, string ReceivedOn);

    private sealed record PairJson(int Id, string Kind, bool Repeat, MatterJson A, MatterJson B);

    [Fact]
    public void Precision_and_recall_at_the_default_threshold_are_at_least_085()
    {
        var pairs = JsonSerializer.Deserialize<PairJson[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RepeatEvaluation", "pairs.json")),
            Json)!;
        Assert.True(pairs.Length >= 500, $"{pairs.Length} pairs");

        var words = new Dictionary<MatterJson, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance as IEqualityComparer<MatterJson>);
        foreach (var m in pairs.SelectMany(p => new[] { p.A, p.B }))
        {
            words[m] = Segmenter.Words(RepeatFinder.Texts(m.Title, m.Content, m.Demands));
        }

        var counts = words.Values.SelectMany(w => w.Distinct()).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var frequencies = new DocumentFrequencies(words.Count, counts);
        var places = new Dictionary<string, Guid>(StringComparer.Ordinal);
        Guid Place(string name) => places.TryGetValue(name, out var id) ? id : places[name] = Guid.NewGuid();

        var results = pairs.Select(p =>
        {
            var candidate = RepeatDetection.Score(Probe(p.B, words[p.B], Place(p.B.Location)), Prior(p.A, words[p.A], Place(p.A.Location)), frequencies);
            return (p.Id, p.Kind, p.Repeat, Found: candidate.Score >= RepeatDetection.DefaultThreshold, candidate);
        }).ToList();

        var truePositives = results.Count(r => r.Repeat && r.Found);
        var precision = truePositives / (double)Math.Max(1, results.Count(r => r.Found));
        var recall = truePositives / (double)results.Count(r => r.Repeat);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs {results.Count}, threshold {RepeatDetection.DefaultThreshold}: precision {precision:0.000}, recall {recall:0.000}"));
        // Around the default, to show whether it sits on a cliff (it is not tuned to this set).
        foreach (var t in new[] { 0.55, 0.6, 0.7, 0.75 })
        {
            var found = results.Where(r => r.candidate.Score >= t).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"at {t:0.00}: precision {found.Count(r => r.Repeat) / (double)Math.Max(1, found.Count):0.000}, recall {found.Count(r => r.Repeat) / (double)results.Count(r => r.Repeat):0.000}"));
        }

        foreach (var kind in results.GroupBy(r => r.Kind))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Key}: {kind.Count(r => r.Found == r.Repeat)}/{kind.Count()} right; mean score {kind.Average(r => r.candidate.Score):0.00}"));
        }

        foreach (var miss in results.Where(r => r.Found != r.Repeat))
        {
            output.WriteLine($"#{miss.Id} {miss.Kind} {(miss.Repeat ? "missed" : "false alarm")}: {miss.candidate.Score:0.00} {string.Join(" · ", miss.candidate.Reasons)}");
        }

        Assert.True(precision >= 0.85, $"precision {precision:0.000}");
        Assert.True(recall >= 0.85, $"recall {recall:0.000}");
    }

    private static PersonKeys Keys(PersonJson[] persons) => RepeatFinder.Keys(
        persons.Select(p => SearchTerms.NameKey(p.Name)).ToList(),
        persons.Where(p => p.IdNumber is not null).Select(p => "id:" + p.IdNumber).ToList(),
        persons.Where(p => p.Phone is not null).Select(p => "phone:" + p.Phone).ToList(),
        persons.Select(p => (p.Name, p.Address)));

    private static HashSet<string> AddressWords(PersonJson[] persons) =>
        persons.SelectMany(p => Segmenter.Words(p.Address)).ToHashSet(StringComparer.Ordinal);

    private static RepeatProbe Probe(MatterJson m, IReadOnlyList<string> words, Guid place) =>
        new(DateOnly.Parse(m.ReceivedOn, CultureInfo.InvariantCulture), Keys(m.Persons), words, AddressWords(m.Persons), m.CategoryCode, place, null);

    private static PriorMatter Prior(MatterJson m, IReadOnlyList<string> words, Guid place) =>
        new(Guid.NewGuid(), "", DateOnly.Parse(m.ReceivedOn, CultureInfo.InvariantCulture), Keys(m.Persons), words, AddressWords(m.Persons),
            m.CategoryCode, place, null, PriorStanding.Concluded);
}
