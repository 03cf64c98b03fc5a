using System.Globalization;

namespace Xinfang.Domain.Intake;

// 重复信访: has this person, or this problem, come before? Registration must spot a matter already accepted and in
// its time limit (《信访工作条例》第十九条第三款) and one already finalized by 复核 (第三十六条第三款). The result is
// a ranked list of suggestions; the registrar decides.
public static class RepeatDetection
{
    // Weights sum to 1. The person alone (0.40 with ID and phone) stays under the default threshold of 0.5: the same
    // person with a new problem is not a repeat. The same person with a similar text, or anyone with a closely
    // similar text in the same category and place (neighbours on one heating problem), crosses it.
    public const double IdNumberWeight = 0.30;
    public const double PhoneWeight = 0.10;
    public const double CategoryWeight = 0.10;
    public const double LocationWeight = 0.10;
    public const double TextWeight = 0.40;

    // Text similarity from which a finalized prior counts as "the same facts and reasons" (Art. 36 ¶3).
    public const double SameFactsSimilarity = 0.6;

    // Below this, a similarity is noise between any two complaints and is not worth a reason line.
    public const double MentionSimilarityFrom = 0.3;

    public static IReadOnlyList<RepeatCandidate> Find(RepeatProbe probe, IEnumerable<PriorMatter> priors, double threshold = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);

        var idNumbers = probe.IdNumbers.Select(NormalizeIdNumber).Where(id => id.Length > 0).ToHashSet();
        var phones = probe.Phones.Select(NormalizePhone).Where(phone => phone.Length > 0).ToHashSet();
        var text = Bigrams.Of(probe.Title, probe.Content);

        var found = new List<(RepeatCandidate Candidate, DateOnly ReceivedOn)>();
        foreach (var prior in priors)
        {
            var score = 0.0;
            var reasons = new List<string>(6);

            var sameIdNumber = prior.IdNumbers.Any(id => idNumbers.Contains(NormalizeIdNumber(id)));
            if (sameIdNumber)
            {
                score += IdNumberWeight;
                reasons.Add("身份证号相同");
            }

            var samePhone = prior.Phones.Any(phone => phones.Contains(NormalizePhone(phone)));
            if (samePhone)
            {
                score += PhoneWeight;
                reasons.Add("联系电话相同");
            }

            if (probe.CategoryCode is not null && probe.CategoryCode == prior.CategoryCode)
            {
                score += CategoryWeight;
                reasons.Add("内容分类相同");
            }

            if (probe.LocationUnitId is not null && probe.LocationUnitId == prior.LocationUnitId)
            {
                score += LocationWeight;
                reasons.Add("问题属地相同");
            }

            var similarity = text.Cosine(Bigrams.Of(prior.Title, prior.Content));
            score += TextWeight * similarity;
            if (similarity >= MentionSimilarityFrom)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"内容相似度 {Math.Round(similarity * 100, MidpointRounding.AwayFromZero)}%"));
            }

            var sameFacts = prior.Finalized && (sameIdNumber || samePhone) && similarity >= SameFactsSimilarity;
            if (sameFacts)
            {
                reasons.Add("原事项已复核终结，事实和理由相同");
            }

            // A finalized prior on the same facts is always shown, whatever the score: missing it would mean
            // accepting again what the statute says is not accepted again.
            if (score >= threshold || sameFacts)
            {
                found.Add((new RepeatCandidate(prior.MatterId, prior.Number, Math.Min(1, score), reasons, sameFacts), prior.ReceivedOn));
            }
        }

        return found
            .OrderByDescending(f => f.Candidate.Score)
            .ThenByDescending(f => f.ReceivedOn)
            .ThenBy(f => f.Candidate.Number, StringComparer.Ordinal)
            .Select(f => f.Candidate)
            .ToList();
    }

    public static double TextSimilarity(string a, string b) => Bigrams.Of(a).Cosine(Bigrams.Of(b));

    // Through IdNumber.Parse so that a legacy 15-digit number on an old record meets its 18-digit upgrade. The
    // birth-date limit does not matter for comparing, hence no real "today"; unparseable input is compared as typed.
    private static string NormalizeIdNumber(string? idNumber)
    {
        var parsed = IdNumber.Parse(idNumber, DateOnly.MaxValue);
        return parsed.IsSuccess ? parsed.Value.Normalized : idNumber?.Trim().ToUpperInvariant() ?? "";
    }

    private static string NormalizePhone(string? phone)
    {
        var normalized = PhoneNumber.Normalize(phone);
        return normalized.IsSuccess ? normalized.Value : phone?.Trim() ?? "";
    }
}
