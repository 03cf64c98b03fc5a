using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>An earlier matter that the one at hand may repeat, as the registrar sees it.</summary>
public sealed record RepeatMatch(
    Guid MatterId, string Number, string Title, DateOnly ReceivedOn, string Status, double Score, double Similarity,
    IReadOnlyList<string> Reasons, RepeatProposal Proposal, string? ProposalText, string? ProposedDeclineReason)
{
    public RepeatCandidate ToCandidate() =>
        new(MatterId, Number, Score, Reasons, Proposal == RepeatProposal.DeclineFinalized, Proposal, Similarity);
}

/// <summary>
/// 重复信访 candidates for a draft or a registered matter (issue 14). Retrieval is by who petitioned, through indexes
/// only: the keyed hashes of ID numbers and phones (<c>petitioners.id_number_hash</c>, <c>phone_hash</c>) and the whole
/// name in the search index (<c>matter_terms</c>, field name), within the last <c>Repeats:Years</c> years (default 3).
/// The scorer needs the same person for a repeat (<see cref="RepeatDetection"/>), so a text-only neighbour could never
/// reach the threshold and is not fetched. The candidates' texts are cut with jieba here and scored in the domain with
/// word weights from <see cref="WordFrequencies"/>. The caller sees only matters in their scope, and never a matter
/// whose petitioners' identity is withheld from them (an accuser's, 第三十条): "same ID number" would say who accused.
/// </summary>
public sealed class RepeatFinder(XinfangDb db, Staff staff, IdentifierHash hash, WordFrequencies frequencies, IConfiguration configuration, TimeProvider time)
{
    /// <summary>At most this many earlier matters are scored: the most recent ones of the people named.</summary>
    public const int MaxPriors = 200;

    public const int MaxShown = 8;

    public int Years => Math.Clamp(configuration.GetValue("Repeats:Years", RepeatDetection.DefaultYears), 1, 20);

    public double Threshold => Math.Clamp(configuration.GetValue("Repeats:Threshold", RepeatDetection.DefaultThreshold), 0, 1);

    /// <summary>Candidates for the registration form as typed so far; nothing needs to be valid yet.</summary>
    public async Task<IReadOnlyList<RepeatMatch>> ForDraftAsync(RegistrationInput draft, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var on = draft.ReceivedOn == default || draft.ReceivedOn > today ? today : draft.ReceivedOn;
        var petitioners = (draft.Petitioners ?? []).Where(p => p is not null)
            .Select(p => new Person(p.Name, NormalIdNumber(p.IdNumber), NormalPhone(p.Phone), p.Address)).ToList();
        var accused = draft.Accused is { } a ? new Accused(a.Name, a.Unit, a.Position, a.UnitId) : null;
        return await FindAsync(on, null, petitioners, Texts(draft.Title, draft.Content, draft.Demands), draft.CategoryCode, draft.LocationUnitId, accused,
            staff.UnitId, scoped: true, cancellationToken);
    }

    /// <summary>Candidates for a registered matter: earlier matters only, without pairs already decided.</summary>
    public async Task<Result<IReadOnlyList<RepeatMatch>>> ForMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        var matter = await db.VisibleMatters(staff).AsNoTracking().Include(m => m.Petitioners).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return Error.NotFound("matter.not-found", "该信访事项不存在，或不在您的查看范围内。");
        }

        if (!Confidentiality.MaySeeIdentity(matter, staff.Actor))
        {
            return Error.Forbidden("matter.identity-withheld", "检举控告人的身份信息依法保密，不能据此查找重复信访（《信访工作条例》第三十条）。");
        }

        return Result<IReadOnlyList<RepeatMatch>>.Success(await ForAsync(matter, cancellationToken));
    }

    /// <summary>
    /// For a matter being registered or already loaded (its identifiers in plain, in memory only). Unscoped for the
    /// suggestions stored at registration, which the portal makes too; whoever reads them later sees them through
    /// <see cref="ForMatterAsync"/> in their own scope.
    /// </summary>
    public Task<IReadOnlyList<RepeatMatch>> ForAsync(Matter matter, CancellationToken cancellationToken, bool scoped = true) =>
        FindAsync(matter.ReceivedOn, matter, matter.Petitioners.Select(p => new Person(p.Name, p.IdNumber, p.Phone, p.Address)).ToList(),
            Texts(matter.Title, matter.Content, matter.Demands), matter.CategoryCode, matter.LocationUnitId, matter.Accused,
            matter.RegisteringUnitId, scoped, cancellationToken);

    private sealed record Person(string? Name, string? IdNumber, string? Phone, string? Address);

    private async Task<IReadOnlyList<RepeatMatch>> FindAsync(DateOnly on, Matter? self, IReadOnlyList<Person> persons, string text,
                                                                     string? category, Guid? location, Accused? accused, Guid registeringUnitId,
                                                                     bool scoped, CancellationToken cancellationToken)
    {
        var idHashes = persons.Select(p => hash.Of(IdentifierKind.IdNumber, p.IdNumber)).OfType<string>().Distinct().ToList();
        var phoneHashes = persons.Select(p => hash.Of(IdentifierKind.Phone, p.Phone)).OfType<string>().Distinct().ToList();
        var names = persons.Select(p => SearchTerms.NameKey(p.Name)).Where(n => n.Length is > 1 and <= SearchTerms.WholeNameParts).Distinct().ToList();
        if (idHashes.Count == 0 && phoneHashes.Count == 0 && names.Count == 0)
        {
            return [];
        }

        // Three index lookups, one UNION: each half walks its own index (an OR of them would walk every matter).
        var petitioners = db.Set<Petitioner>();
        var terms = db.Set<MatterTerm>();
        var byIdentifier = petitioners.Where(p => idHashes.Contains(EF.Property<string>(p, PetitionerConfiguration.IdNumberHash))).Select(p => p.MatterId)
            .Union(petitioners.Where(p => phoneHashes.Contains(EF.Property<string>(p, PetitionerConfiguration.PhoneHash))).Select(p => p.MatterId))
            .Union(terms.Where(t => t.Field == TermField.Name && names.Contains(t.Term)).Select(t => t.MatterId));
        var since = on.AddYears(-Years);
        var selfId = self?.Id ?? Guid.Empty;
        var selfReceived = self?.ReceivedOn ?? DateOnly.MaxValue;
        var decided = db.Set<RepeatLink>().Where(l => l.MatterId == selfId).Select(l => l.EarlierMatterId);
        var visible = scoped ? db.VisibleMatters(staff).Where(Confidentiality.IdentityVisibleTo(staff.Actor)) : db.Matters;
        var ids = await visible
            .Where(m => byIdentifier.Contains(m.Id) && m.ReceivedOn >= since && m.ReceivedOn <= selfReceived && m.Id != selfId && !decided.Contains(m.Id))
            .OrderByDescending(m => m.ReceivedOn).Select(m => m.Id).Take(MaxPriors)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id, m.Number, m.ReceivedOn, m.Title, m.Content, m.Demands, m.CategoryCode, m.LocationUnitId, m.Accused, m.Status, m.UnitId,
                m.NextDueOn, m.RepeatOfId,
                Petitioners = m.Petitioners.Select(p => new
                {
                    p.Name, p.Address,
                    IdHash = EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash),
                    PhoneHash = EF.Property<string?>(p, PetitionerConfiguration.PhoneHash),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var probe = new RepeatProbe(on, Keys(names, idHashes, phoneHashes, persons.Select(p => (p.Name, p.Address))), Segmenter.Words(text),
            persons.SelectMany(p => Segmenter.Words(p.Address)).ToHashSet(StringComparer.Ordinal), category, location, Respondent(accused));
        var priors = rows.Select(m => new PriorMatter(m.Id, m.Number, m.ReceivedOn,
            Keys(m.Petitioners.Select(p => SearchTerms.NameKey(p.Name)).ToList(), m.Petitioners.Select(p => p.IdHash).OfType<string>().ToList(),
                m.Petitioners.Select(p => p.PhoneHash).OfType<string>().ToList(), m.Petitioners.Select(p => ((string?)p.Name, p.Address))),
            Segmenter.Words(Texts(m.Title, m.Content, m.Demands)),
            m.Petitioners.SelectMany(p => Segmenter.Words(p.Address)).ToHashSet(StringComparer.Ordinal),
            m.CategoryCode, m.LocationUnitId, Respondent(m.Accused),
            RepeatLinking.StandingOf(m.Status, m.UnitId, m.NextDueOn, registeringUnitId, today))).ToList();
        var found = RepeatDetection.Find(probe, priors, await frequencies.GetAsync(cancellationToken), Threshold);
        var byId = rows.ToDictionary(r => r.Id);
        return found.Take(MaxShown).Select(c =>
        {
            var row = byId[c.MatterId];
            return new RepeatMatch(c.MatterId, c.Number, row.Title, row.ReceivedOn, row.Status.ToChinese(), Math.Round(c.Score, 2),
                Math.Round(c.Similarity, 2), c.Reasons, c.Proposal, Proposal(c.Proposal), DeclineReasonOf(c.Proposal));
        }).ToList();
    }

    public static string? Proposal(RepeatProposal proposal) => proposal switch
    {
        RepeatProposal.DeclinePendingElsewhere => "原事项正在办理期限内，同一事项依《信访工作条例》第十九条第三款不予受理",
        RepeatProposal.DeclineFinalized => "原事项已经复核，同一事实和理由依《信访工作条例》第三十六条第三款不再受理",
        _ => null,
    };

    private static string? DeclineReasonOf(RepeatProposal proposal) => proposal switch
    {
        RepeatProposal.DeclinePendingElsewhere => KebabEnum.Name(DeclineReason.PendingElsewhere),
        RepeatProposal.DeclineFinalized => KebabEnum.Name(DeclineReason.Finalized),
        _ => null,
    };

    public static PersonKeys Keys(IReadOnlyList<string> names, IReadOnlyList<string> idHashes, IReadOnlyList<string> phoneHashes,
                                   IEnumerable<(string? Name, string? Address)> addresses) =>
        new(idHashes, phoneHashes, names.Where(n => n.Length > 0).ToList(),
            addresses.Where(a => !string.IsNullOrWhiteSpace(a.Name) && !string.IsNullOrWhiteSpace(a.Address))
                .Select(a => SearchTerms.NameKey(a.Name) + "|" + AddressKey(a.Address!)).ToList());

    private static string AddressKey(string address) =>
        new(Segmenter.Fold(address).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());

    private static string? Respondent(Accused? accused) =>
        accused is null ? null
            : accused.UnitId is { } unit ? unit.ToString()
            : (accused.Name ?? accused.Unit) is { } name && SearchTerms.NameKey(name) is { Length: > 0 } key ? key : null;

    public static string Texts(string? title, string? content, IEnumerable<string>? demands) =>
        string.Join('\n', new[] { title, content }.Concat(demands ?? []).Where(t => !string.IsNullOrWhiteSpace(t)));

    private static string? NormalIdNumber(string? idNumber)
    {
        var parsed = IdNumber.Parse(idNumber, DateOnly.MaxValue);
        return parsed.IsSuccess ? parsed.Value.Normalized : null;
    }

    private static string? NormalPhone(string? phone)
    {
        var normalized = PhoneNumber.Normalize(phone);
        return normalized.IsSuccess ? normalized.Value : null;
    }
}
