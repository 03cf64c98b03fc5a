namespace Xinfang.Domain.Intake;

/// <summary>
/// Who petitioned, as opaque keys compared for equality only: keyed hashes of ID numbers and phones (never the
/// numbers), folded names, and "name|address" pairs. The caller computes them the same way for both sides.
/// </summary>
public sealed record PersonKeys(
    IReadOnlyCollection<string> IdNumbers,
    IReadOnlyCollection<string> Phones,
    IReadOnlyCollection<string> Names,
    IReadOnlyCollection<string> NameAddresses)
{
    public static readonly PersonKeys None = new([], [], [], []);

    public bool IsEmpty => IdNumbers.Count == 0 && Phones.Count == 0 && Names.Count == 0 && NameAddresses.Count == 0;
}

/// <summary>
/// The matter being registered (or a draft of it), as far as repeat detection needs it. <paramref name="Words"/> are
/// the segmented words of its title, content and demands (jieba, stop words removed); <paramref name="AddressWords"/>
/// the words of the petitioners' addresses, which say who wrote, not what about. <paramref name="Respondent"/> is a
/// folded key of the accused person or unit, or of the unit complained about.
/// </summary>
public sealed record RepeatProbe(
    DateOnly On,
    PersonKeys Persons,
    IReadOnlyList<string> Words,
    IReadOnlyCollection<string> AddressWords,
    string? CategoryCode,
    Guid? LocationUnitId,
    string? Respondent);
