using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// One item of a query, as clerks type them, separated by spaces: a name or part of one, an ID number, a phone, a
/// matter number or 文号, or words of the texts. A matter is found when every item finds it, each by any of these.
/// </summary>
public sealed record SearchPart(string Text, IReadOnlyList<string> Words, string? NameKey, string? Number, string? IdNumberHash, string? PhoneHash);

/// <summary>The <c>q</c> of the lists (API.md): parsed once, matched through the search index, never by scanning text.</summary>
public sealed record MatterSearch(IReadOnlyList<SearchPart> Parts)
{
    /// <summary>The longest query taken, in characters (API.md): a longer one is refused, not cut.</summary>
    public const int MaxLength = 100;

    /// <summary>The most items a query may have.</summary>
    public const int MaxParts = 8;

    private static readonly char[] Separators = [',', '，', '、', ';', '；', '|'];

    /// <summary>The words to mark in what is shown (the names too: they are shown only where the viewer may see them).</summary>
    public IReadOnlyList<string> Highlights => Parts.SelectMany(p => p.Words.Append(p.NameKey ?? "")).Where(w => w.Length > 0).Distinct().ToList();

    /// <summary>The words a query marks in what it found, for a page that has only the query text.</summary>
    public static IReadOnlyList<string> HighlightsOf(string? q) =>
        string.IsNullOrWhiteSpace(q) || q.Length > MaxLength ? []
            : q.Split((char[])[.. Separators, ' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(item => Segmenter.QueryTerms(item).Append(SearchTerms.NameKey(item)))
                .Where(w => w.Length > 0 && Segmenter.IsMeaningful(w)).Distinct().ToList();

    /// <summary>The query with any ID number or phone in it masked, for the audit trail's note of an export.</summary>
    public static string Masked(string? q) =>
        string.Join(" ", (q ?? "").Split((char[])[.. Separators, ' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => IdNumber.Parse(item, DateOnly.MaxValue).IsSuccess ? Mask.IdNumber(item)
                : PhoneNumber.Normalize(item).IsSuccess ? Mask.Phone(item) : item));

    public static Result<MatterSearch> Parse(string q, IdentifierHash hash, DateOnly today)
    {
        var text = q.Trim();
        if (text.Length > MaxLength)
        {
            return Error.Validation("search.query-too-long", $"关键词最多 {MaxLength} 个字，请缩短后再查。", "q");
        }

        var items = text.Split((char[])[.. Separators, ' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length > MaxParts)
        {
            return Error.Validation("search.too-many-terms", $"关键词最多 {MaxParts} 项（以空格分隔），请减少后再查。", "q");
        }

        var parts = items.Select(item => Part(item, hash, today)).OfType<SearchPart>().ToList();
        if (parts.Count == 0)
        {
            return Error.Validation("search.query-meaningless", "关键词只有标点或“的、了”一类常用字，请输入姓名、编号、电话或事项内容中的词语。", "q");
        }

        return new MatterSearch(parts);
    }

    private static SearchPart? Part(string item, IdentifierHash hash, DateOnly today)
    {
        var id = IdNumber.Parse(item, today);
        var phone = PhoneNumber.Normalize(item);
        var idHash = id.IsSuccess ? hash.Of(IdentifierKind.IdNumber, id.Value.Normalized) : null;
        var phoneHash = phone.IsSuccess ? hash.Of(IdentifierKind.Phone, phone.Value) : null;
        var words = Segmenter.QueryTerms(item);
        var nameKey = SearchTerms.NameKey(item);
        var name = nameKey.Length is > 0 and <= SearchTerms.WholeNameParts && nameKey.Any(char.IsLetter) && nameKey.All(char.IsLetterOrDigit) && Segmenter.IsMeaningful(nameKey) ? nameKey : null;
        var folded = Segmenter.Fold(item);
        var number = folded.Any(char.IsAsciiDigit) ? folded : null;
        return words.Count == 0 && name is null && number is null && idHash is null && phoneHash is null
            ? null
            : new SearchPart(item, words, name, number, idHash, phoneHash);
    }

    /// <summary>
    /// The matters every part finds. A petitioner's name, ID number and phone find a matter only where the viewer may
    /// know who its petitioners are: otherwise a search for an accuser would confirm who accused whom (第三十条第三款).
    /// </summary>
    public IQueryable<Matter> Apply(IQueryable<Matter> query, XinfangDb db, Staff staff)
    {
        var terms = db.Set<MatterTerm>();
        var identityVisible = db.Matters.Where(Confidentiality.IdentityVisibleTo(staff.Actor));
        foreach (var part in Parts)
        {
            var found = new List<IQueryable<Guid>>();
            if (part.Words.Count > 0)
            {
                var first = part.Words[0];
                var byWords = terms.Where(t => t.Term == first && t.Field == TermField.Text).Select(t => t.MatterId);
                foreach (var word in part.Words.Skip(1))
                {
                    byWords = byWords.Where(id => terms.Any(t => t.Term == word && t.Field == TermField.Text && t.MatterId == id));
                }

                found.Add(byWords);
            }

            if (part.Number is { } number)
            {
                found.Add(terms.Where(t => t.Term == number && t.Field == TermField.Number).Select(t => t.MatterId));
            }

            var ofPerson = new List<IQueryable<Guid>>();
            if (part.NameKey is { } name)
            {
                ofPerson.Add(terms.Where(t => t.Term == name && t.Field == TermField.Name).Select(t => t.MatterId));
            }

            var petitioners = db.Set<Petitioner>();
            if (part.IdNumberHash is { } idHash)
            {
                ofPerson.Add(petitioners.Where(p => EF.Property<string>(p, PetitionerConfiguration.IdNumberHash) == idHash).Select(p => p.MatterId));
            }

            if (part.PhoneHash is { } phoneHash)
            {
                ofPerson.Add(petitioners.Where(p => EF.Property<string>(p, PetitionerConfiguration.PhoneHash) == phoneHash).Select(p => p.MatterId));
            }

            foreach (var person in ofPerson)
            {
                found.Add(staff.IsBureau ? person : identityVisible.Where(m => person.Contains(m.Id)).Select(m => m.Id));
            }

            var any = found.Aggregate((a, b) => a.Union(b));
            query = query.Where(m => any.Contains(m.Id));
        }

        return query;
    }
}
