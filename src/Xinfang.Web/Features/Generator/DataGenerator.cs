using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Data.Configurations;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Generator;

public sealed record GeneratorOptions(int Matters, int Seed = 7, int Years = 3, DateOnly? Today = null, int BatchSize = 1000);

/// <summary>What was generated; <see cref="Writing"/> is the part of <see cref="Elapsed"/> spent in the database.</summary>
public sealed record GeneratorReport(int Matters, TimeSpan Elapsed, TimeSpan Writing, IReadOnlyDictionary<MatterStatus, int> ByStatus, IReadOnlyDictionary<string, int> Refusals);

/// <summary>
/// <c>generate --matters N --seed S</c>: writes N matters over the last <c>--years</c> years, received dates spread
/// evenly up to today, built by <see cref="Journeys"/>. Each batch is one transaction under the audit chain lock
/// through the application's own model (tables, columns, conversions) and audit format, so the rows, the history, the notices, the counters and the
/// audit entries are what the application writes (and <c>audit verify</c> passes). Statistics are refreshed at the end.
/// </summary>
public sealed class DataGenerator(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<GeneratorReport> GenerateAsync(GeneratorOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var today = options.Today ?? ChinaTime.DateOf(time.GetUtcNow());
        var first = today.AddYears(-options.Years).AddDays(1);
        var span = today.DayNumber - first.DayNumber + 1;
        var random = new Random(options.Seed);

        Journeys journeys;
        Dictionary<string, Counter> counters;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var reference = await scope.ServiceProvider.GetRequiredService<ReferenceData>().CurrentAsync(cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
            counters = await db.Set<Counter>().AsNoTracking().ToDictionaryAsync(c => c.Scope, cancellationToken);
            journeys = new Journeys(random, reference, today,
                counters.ToDictionary(c => c.Key, c => c.Value.Value));
        }

        // Received dates in order across the run (numbers then grow with dates), at a random day of each matter's slot.
        DateOnly ReceivedOn(int i)
        {
            var day = first.AddDays((int)((long)i * span / options.Matters) + random.Next(Math.Max(1, span / options.Matters)));
            return day > today ? today : day;
        }

        var byStatus = new Dictionary<MatterStatus, int>();
        var written = TimeSpan.Zero;
        var counterValues = counters.ToDictionary(c => c.Key, c => c.Value.Value);
        for (var done = 0; done < options.Matters;)
        {
            var size = Math.Min(options.BatchSize, options.Matters - done);
            var batch = Enumerable.Range(done, size).Select(i => journeys.Build(ReceivedOn(i))).ToList();
            var writing = Stopwatch.StartNew();
            await SaveAsync(batch, journeys, counterValues, cancellationToken);
            written += writing.Elapsed;
            foreach (var matter in batch)
            {
                byStatus[matter.Status] = byStatus.GetValueOrDefault(matter.Status) + 1;
            }

            done += size;
            progress?.Report(done);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await PlannerStatistics.AnalyzeAsync(scope.ServiceProvider.GetRequiredService<XinfangDb>(), cancellationToken);
        }

        return new GeneratorReport(options.Matters, watch.Elapsed, written, byStatus, journeys.Refusals);
    }

    /// <summary>
    /// One batch in one transaction under the chain lock: the rows in bulk (<see cref="BulkWriter"/>), an audit row for
    /// each inserted entity exactly as <see cref="AuditRecorder"/> writes it, chained after the current head, and the
    /// numbering counters advanced past the numbers drawn. Owned evaluation rows get their keys from the database and
    /// so are written without an audit row of their own (their matter's row and history record them).
    /// </summary>
    private async Task SaveAsync(List<Matter> batch, Journeys journeys, Dictionary<string, long> saved, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
        var identifiers = scope.ServiceProvider.GetRequiredService<IdentifierHash>();
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var writer = new BulkWriter(db);
        var model = db.Model;
        var matterType = model.FindEntityType(typeof(Matter))!;
        var evaluationType = matterType.FindNavigation(nameof(Matter.Evaluations))!.TargetEntityType;
        var audit = new List<AuditEntry>();
        var at = AuditChain.Storable(time.GetUtcNow().UtcDateTime);

        // A child's MatterId is set by EF Core's fixup when tracked; written in bulk, it is taken from its matter.
        async Task WriteAsync<T>(IEnumerable<(Matter Matter, T Row)> pairs) where T : class
        {
            var rows = pairs.ToList();
            var type = model.FindEntityType(typeof(T)) ?? evaluationType;
            object? Value((Matter Matter, T Row) r, IProperty p) => p.Name switch
            {
                nameof(Deadline.MatterId) => r.Matter.Id,
                // The search indexer sets these on SaveChanges; bulk rows pass it by.
                PetitionerConfiguration.IdNumberHash or PetitionerConfiguration.PhoneHash or PetitionerConfiguration.AddressHash =>
                    identifiers.Of((Petitioner)(object)r.Row).Single(h => h.Property == p.Name).Hash,
                _ => Get(r.Row, p),
            };
            await writer.WriteAsync(type, rows, Value, cancellationToken);
            if (type.FindAnnotation(AuditRecorder.NotAudited) is null && type != evaluationType)
            {
                audit.AddRange(rows.Select(row => AuditRecorder.Inserted(type, p => Value(row, p), Actor, at)));
            }
        }

        await WriteAsync(batch.Select(m => (m, m)));
        await WriteAsync(batch.SelectMany(m => m.Petitioners.Select(p => (m, p))));
        await WriteAsync(batch.SelectMany(m => m.Deadlines.Select(d => (m, d))));
        await WriteAsync(batch.SelectMany(m => m.Notices.Select(n => (m, n))));
        await WriteAsync(batch.SelectMany(m => m.Events.Select(e => (m, e))));
        await WriteAsync(batch.SelectMany(m => m.Evaluations.Select(e => (m, e))));
        await WriteAsync(batch.SelectMany(m => SearchTerms.Of(m, m.Petitioners.Select(p => p.Name), m.Notices.Select(n => n.Number), m.Events.Select(e => e.Note ?? ""))
            .Select(t => (m, new MatterTerm { MatterId = m.Id, Field = t.Field, Term = t.Term }))));

        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, hash) = head is null ? (0L, AuditChain.Genesis) : (head.Sequence, head.Hash);
        foreach (var row in audit)
        {
            row.Sequence = ++sequence;
            row.PreviousHash = hash;
            row.Hash = hash = AuditChain.HashOf(row);
        }

        await writer.WriteAsync(model.FindEntityType(typeof(AuditEntry))!, audit, Get, cancellationToken);

        foreach (var (name, value) in journeys.Counters)
        {
            if (!saved.TryGetValue(name, out var old))
            {
                db.Add(new Counter { Scope = name, Value = value });
            }
            else if (old != value)
            {
                db.Update(new Counter { Scope = name, Value = value });
            }

            saved[name] = value;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string Actor = "generator";

    private static object? Get(object row, IProperty property) => property.GetGetter().GetClrValue(row);
}
