using System.Globalization;

namespace Xinfang.Domain.Intake;

// 重复信访: the same petitioner raising the same matter again. Registration shows the clerk, as they type, which
// earlier matters this one may repeat and why; the clerk confirms or dismisses each (nothing is linked on its own).
// The law attaches consequences to two cases, proposed here and never applied: the same matter still within its
// time limit at a lower level is not accepted higher up (《信访工作条例》第十九条第三款), and the same facts and
// reasons after 复核 are not accepted again (第三十六条第三款).
//
// score = ½·person + ½·content·recency, each part in [0, 1]:
// - person: who wrote. Same ID number 1; same name with the same address or phone 0.9; the same phone alone 0.6 (a
//   household shares one); the same name alone 0.4. Two ID numbers that differ mean two people, whatever the names.
// - content: TF-IDF cosine of the jieba words of title, content and demands (address words left out: they say who,
//   not what), plus small credits for the same respondent (0.1), problem location (0.05) and category (0.05).
// - recency: 1 for today, falling by 0.1 a year to 0.7 at three years.
// So a person alone (0.5) is never a repeat, nor is a text alone (at most 0.5, "many heating complaints in one
// winter" from different people): a repeat needs both the same person and a similar problem. At the default
// threshold 0.65 the same ID number needs content·recency ≥ 0.3, the same phone alone ≥ 0.7.
public static class RepeatDetection
{
    public const double DefaultThreshold = 0.65;
    public const int DefaultYears = 3;

    // Word similarity from which an earlier matter counts as "the same matter" / "the same facts and reasons" for the
    // two legal proposals, which are shown whatever the score: missing them means accepting what the law says not to.
    public const double SameFactsSimilarity = 0.5;

    // Below this, a similarity is noise between any two complaints and is not worth a reason line.
    public const double MentionSimilarityFrom = 0.2;

    public static IReadOnlyList<RepeatCandidate> Find(RepeatProbe probe, IEnumerable<PriorMatter> priors, DocumentFrequencies frequencies,
                                                      double threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);

        var found = new List<(RepeatCandidate Candidate, DateOnly ReceivedOn)>();
        foreach (var prior in priors)
        {
            var candidate = Score(probe, prior, frequencies);
            if (candidate.Score >= threshold || candidate.Proposal != RepeatProposal.None)
            {
                found.Add((candidate, prior.ReceivedOn));
            }
        }

        return found
            .OrderByDescending(f => f.Candidate.Proposal != RepeatProposal.None)
            .ThenByDescending(f => f.Candidate.Score)
            .ThenByDescending(f => f.ReceivedOn)
            .ThenBy(f => f.Candidate.Number, StringComparer.Ordinal)
            .Select(f => f.Candidate)
            .ToList();
    }

    /// <summary>One earlier matter scored against the probe, with every reason that counted, whatever the score.</summary>
    public static RepeatCandidate Score(RepeatProbe probe, PriorMatter prior, DocumentFrequencies frequencies)
    {
        var reasons = new List<string>(8);
        var person = Person(probe.Persons, prior.Persons, reasons);

        var ignored = new HashSet<string>(probe.AddressWords, StringComparer.Ordinal);
        ignored.UnionWith(prior.AddressWords);
        var (similarity, shared, synonyms) = Cosine(probe.Words, prior.Words, ignored, frequencies);
        if (similarity >= MentionSimilarityFrom)
        {
            var alike = synonyms.Count > 0 ? $"（同义：{string.Join('，', synonyms)}）" : "";
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"诉求相似度 {similarity:0.00}：{string.Join(' ', shared)}{alike}"));
        }

        var content = similarity;
        if (probe.Respondent is { Length: > 0 } respondent && respondent == prior.Respondent)
        {
            content += 0.1;
            reasons.Add("同一被反映对象");
        }

        if (probe.LocationUnitId is not null && probe.LocationUnitId == prior.LocationUnitId)
        {
            content += 0.05;
            reasons.Add("同一问题属地");
        }

        if (probe.CategoryCode is { Length: > 0 } && probe.CategoryCode == prior.CategoryCode)
        {
            content += 0.05;
            reasons.Add("同一内容分类");
        }

        var days = Math.Max(0, probe.On.DayNumber - prior.ReceivedOn.DayNumber);
        var recency = Math.Max(0.7, 1 - 0.1 * days / 365.0);
        reasons.Add(days < 60 ? $"{days} 天前登记" : string.Create(CultureInfo.InvariantCulture, $"{days / 30} 个月前登记"));

        var score = 0.5 * person + 0.5 * Math.Min(1, content) * recency;

        // The legal cases need the same petitioner (a person key) on the same matter.
        var sameMatter = person >= 0.6 && similarity >= SameFactsSimilarity;
        var proposal = (sameMatter, prior.Standing) switch
        {
            (true, PriorStanding.Finalized) => RepeatProposal.DeclineFinalized,
            (true, PriorStanding.PendingWithinLimit) => RepeatProposal.DeclinePendingElsewhere,
            _ => RepeatProposal.None,
        };
        switch (proposal)
        {
            case RepeatProposal.DeclineFinalized:
                reasons.Add("原事项已复核终结，事实和理由相同：建议不再受理（第三十六条第三款）");
                break;
            case RepeatProposal.DeclinePendingElsewhere:
                reasons.Add("原事项正在办理期限内：建议不予受理（第十九条第三款）");
                break;
            default:
                if (prior.Standing is PriorStanding.Concluded or PriorStanding.Finalized && person >= 0.6)
                {
                    reasons.Add("原事项已办结：办理后仍重复信访");
                }

                break;
        }

        return new RepeatCandidate(prior.MatterId, prior.Number, Math.Round(Math.Min(1, score), 4), reasons,
            proposal == RepeatProposal.DeclineFinalized, proposal, Math.Round(similarity, 4));
    }

    private static double Person(PersonKeys probe, PersonKeys prior, List<string> reasons)
    {
        if (probe.IdNumbers.Overlaps(prior.IdNumbers))
        {
            reasons.Add("同一身份证号");
            return 1;
        }

        // Both sides gave ID numbers and none is shared: different people, even with one name or one household phone.
        if (probe.IdNumbers.Count > 0 && prior.IdNumbers.Count > 0)
        {
            return 0;
        }

        var sameName = probe.Names.Overlaps(prior.Names);
        if (probe.NameAddresses.Overlaps(prior.NameAddresses))
        {
            reasons.Add("同一姓名和住址");
            return 0.9;
        }

        var samePhone = probe.Phones.Overlaps(prior.Phones);
        if (samePhone && sameName)
        {
            reasons.Add("同一姓名和联系电话");
            return 0.9;
        }

        if (samePhone)
        {
            reasons.Add("同一联系电话");
            return 0.6;
        }

        if (sameName)
        {
            reasons.Add("姓名相同");
            return 0.4;
        }

        return 0;
    }

    private static bool Overlaps(this IReadOnlyCollection<string> a, IReadOnlyCollection<string> b) =>
        a.Count > 0 && b.Count > 0 && a.Any(b.Contains);

    /// <summary>
    /// Cosine of sublinear TF-IDF vectors over concepts (<see cref="PetitionVocabulary"/>: 欠薪 and 拖欠工资 are one),
    /// the (up to three) shared words that weigh most in it, and the shared concepts spelt differently on the two sides.
    /// </summary>
    private static (double Similarity, IReadOnlyList<string> Shared, IReadOnlyList<string> Synonyms) Cosine(
        IReadOnlyList<string> a, IReadOnlyList<string> b, HashSet<string> ignored, DocumentFrequencies frequencies)
    {
        var va = Vector(a, ignored, frequencies);
        var vb = Vector(b, ignored, frequencies);
        if (va.Count == 0 || vb.Count == 0)
        {
            return (0, [], []);
        }

        var products = new List<(string Word, double Product, string? Synonym)>();
        foreach (var (concept, (weight, surface)) in va)
        {
            if (vb.TryGetValue(concept, out var other))
            {
                // Shown as the probe spells it; "prior≈probe" where the earlier matter said it otherwise.
                products.Add((surface, weight * other.Weight, other.Surface == surface ? null : $"{other.Surface}≈{surface}"));
            }
        }

        var dot = products.Sum(p => p.Product);
        var norm = Math.Sqrt(va.Values.Sum(w => w.Weight * w.Weight)) * Math.Sqrt(vb.Values.Sum(w => w.Weight * w.Weight));
        var ranked = products.OrderByDescending(p => p.Product).ThenBy(p => p.Word, StringComparer.Ordinal).ToList();
        return (Math.Min(1, dot / norm), ranked.Take(3).Select(p => p.Word).ToList(), ranked.Select(p => p.Synonym).OfType<string>().Take(3).ToList());
    }

    private static Dictionary<string, (double Weight, string Surface)> Vector(IReadOnlyList<string> words, HashSet<string> ignored,
                                                                              DocumentFrequencies frequencies)
    {
        var counts = new Dictionary<string, (int Count, string Surface)>(StringComparer.Ordinal);
        foreach (var (concept, surface) in PetitionVocabulary.Concepts(words.Where(w => w.Length > 0 && !ignored.Contains(w)).ToList()))
        {
            counts[concept] = counts.TryGetValue(concept, out var c) ? (c.Count + 1, c.Surface) : (1, surface);
        }

        return counts.ToDictionary(c => c.Key, c => ((1 + Math.Log(c.Value.Count)) * frequencies.IdfOfAny(PetitionVocabulary.Spellings(c.Key)), c.Value.Surface),
            StringComparer.Ordinal);
    }
}
