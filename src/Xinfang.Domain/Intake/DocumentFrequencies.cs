namespace Xinfang.Domain.Intake;

/// <summary>
/// How many of <paramref name="Documents"/> matters contain each word: a word in every heating complaint (供暖) says
/// less about which complaint it is than the name of one boiler room. Words not counted are taken as the rarest.
/// </summary>
public sealed record DocumentFrequencies(int Documents, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>Every word equally rare: plain cosine over word counts.</summary>
    public static readonly DocumentFrequencies Uniform = new(0, new Dictionary<string, int>());

    /// <summary>Smoothed inverse document frequency, ln((N+1)/(df+1)) + 1, so that a word in every matter still weighs 1.</summary>
    public double Idf(string word) =>
        Math.Log((Documents + 1.0) / (Math.Min(Counts.GetValueOrDefault(word), Documents) + 1.0)) + 1.0;

    /// <summary>
    /// The weight of a concept written in several ways: a matter has it if it has any spelling, so its count is at
    /// most the sum of the spellings' counts (taking the sum errs towards the commoner, the lighter weight).
    /// </summary>
    public double IdfOfAny(IReadOnlyList<string> spellings)
    {
        if (spellings.Count == 1)
        {
            return Idf(spellings[0]);
        }

        var count = spellings.Sum(s => (long)Counts.GetValueOrDefault(s));
        return Math.Log((Documents + 1.0) / (Math.Min(count, Documents) + 1.0)) + 1.0;
    }
}
