using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// At start: indexes the matters saved before the search index existed (every indexed matter has its number as a
/// term) and hashes the identifiers of their petitioners. Nothing to do on every later start but one indexed lookup.
/// </summary>
public static class SearchBackfill
{
    private const int Batch = 500;

    public static async Task RunAsync(XinfangDb db, IdentifierHash hash, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var ids = await db.Matters.Where(m => !db.Set<MatterTerm>().Any(t => t.MatterId == m.Id && t.Field == TermField.Number))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var matters = await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Include(m => m.Petitioners).Include(m => m.Notices).Include(m => m.Events).AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var matter in matters)
            {
                db.Set<MatterTerm>().AddRange(SearchTerms.Of(matter, matter.Petitioners.Select(p => p.Name), matter.Notices.Select(n => n.Number),
                    matter.Events.Select(e => e.Note ?? "")).Select(t => new MatterTerm { MatterId = matter.Id, Field = t.Field, Term = t.Term }));
                foreach (var petitioner in matter.Petitioners.Where(p => p.IdNumber is not null || p.Phone is not null || p.Address is not null))
                {
                    var id = petitioner.Id;
                    var hashes = hash.Of(petitioner).ToDictionary(h => h.Property, h => h.Hash);
                    await db.Set<Petitioner>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(p => EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash), hashes[PetitionerConfiguration.IdNumberHash])
                        .SetProperty(p => EF.Property<string?>(p, PetitionerConfiguration.PhoneHash), hashes[PetitionerConfiguration.PhoneHash])
                        .SetProperty(p => EF.Property<string?>(p, PetitionerConfiguration.AddressHash), hashes[PetitionerConfiguration.AddressHash]), cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
