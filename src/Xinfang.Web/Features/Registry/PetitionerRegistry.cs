using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;

namespace Xinfang.Web.Features.Registry;

/// <summary>How the registry recognised a person across matters, strongest first.</summary>
public enum PersonKey
{
    IdNumber,
    NameAndPhone,
    NameAndAddress,
    NameOnly,
}

public sealed record PersonMatter(Guid Id, string Number, DateOnly ReceivedOn, Channel Channel, string Title, MatterStatus Status, int Headcount, bool Represented);

/// <summary>A person's page: who, how recognised, every matter, and their visits (走访) in person-times.</summary>
public sealed record PersonView(string Name, string? MaskedIdNumber, string? MaskedPhone, PersonKey Key, IReadOnlyList<PersonMatter> Matters)
{
    /// <summary>走访 matters: each one is one person-time (人次) of this person.</summary>
    public IReadOnlyList<PersonMatter> Visits => Matters.Where(m => m.Channel == Channel.Visit).ToList();

    public DateOnly? FirstVisit => Visits.Count == 0 ? null : Visits.Min(v => v.ReceivedOn);

    public DateOnly? LastVisit => Visits.Count == 0 ? null : Visits.Max(v => v.ReceivedOn);

    /// <summary>Collective visits (集体访, five or more people, 《信访工作条例》第二十条) in which this person was a representative.</summary>
    public IReadOnlyList<PersonMatter> CollectiveRepresented => Visits.Where(v => v.Headcount >= 5 && v.Represented).ToList();
}

/// <summary>
/// 信访人登记簿: one person across matters. A person is recognised by ID number when the petitioner gave one (through
/// its keyed hash, never by reading the numbers), otherwise by name and phone, otherwise by name and address. Only the
/// bureau uses it (the page's policy): a unit knows its own matters, not a person's history across the district.
/// </summary>
public sealed class PetitionerRegistry(XinfangDb db)
{
    public async Task<PersonView?> OfPetitionerAsync(Guid petitionerId, CancellationToken cancellationToken = default)
    {
        var petitioners = db.Set<Petitioner>().AsNoTracking();
        var seed = await petitioners.Where(p => p.Id == petitionerId)
            .Select(p => new
            {
                p.Name, p.IdNumber, p.Phone, p.Address,
                IdHash = EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash),
                PhoneHash = EF.Property<string?>(p, PetitionerConfiguration.PhoneHash),
                AddressHash = EF.Property<string?>(p, PetitionerConfiguration.AddressHash),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (seed is null)
        {
            return null;
        }

        var name = seed.Name;
        IQueryable<Petitioner> same;
        PersonKey key;
        if (seed.IdHash is { } idHash)
        {
            same = petitioners.Where(p => EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash) == idHash);
            key = PersonKey.IdNumber;
        }
        else if (seed.PhoneHash is { } phoneHash)
        {
            // Without an ID number, the same name at the same phone; an ID number elsewhere would name someone else.
            same = petitioners.Where(p => p.Name == name && EF.Property<string?>(p, PetitionerConfiguration.PhoneHash) == phoneHash
                                          && EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash) == null);
            key = PersonKey.NameAndPhone;
        }
        else if (seed.AddressHash is { } addressHash)
        {
            same = petitioners.Where(p => p.Name == name && EF.Property<string?>(p, PetitionerConfiguration.AddressHash) == addressHash
                                          && EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash) == null);
            key = PersonKey.NameAndAddress;
        }
        else
        {
            same = petitioners.Where(p => p.Id == petitionerId);
            key = PersonKey.NameOnly;
        }

        var rows = await same.Join(db.Matters, p => p.MatterId, m => m.Id, (p, m) => new
            {
                m.Id, m.Number, m.ReceivedOn, m.Channel, m.Title, m.Status, m.Headcount, p.IsRepresentative,
            })
            .OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Number)
            .Take(500)
            .ToListAsync(cancellationToken);
        var matters = rows.GroupBy(r => r.Id)
            .Select(g => g.First() with { IsRepresentative = g.Any(r => r.IsRepresentative) })
            .Select(r => new PersonMatter(r.Id, r.Number, r.ReceivedOn, r.Channel, r.Title, r.Status, r.Headcount, r.IsRepresentative))
            .ToList();
        return new PersonView(name, seed.IdNumber is null ? null : Mask.IdNumber(seed.IdNumber), seed.Phone is null ? null : Mask.Phone(seed.Phone), key, matters);
    }
}
