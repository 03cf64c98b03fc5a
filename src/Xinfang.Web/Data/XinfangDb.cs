using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Storage;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// The one model of Xinfang. It is the unit of work and the repository (no repository layer: docs/adr/0001).
/// Provider subclasses (<see cref="SqliteXinfangDb"/>, <see cref="PostgresXinfangDb"/>) own their migration sets.
/// Every SaveChanges appends the changes to the hash-chained audit trail in the same transaction.
/// </summary>
public abstract class XinfangDb(DbContextOptions options, AuditActor actor, TimeProvider time)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Domain.Matters.Matter> Matters => Set<Domain.Matters.Matter>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public AuditActor Actor => actor;

    public TimeProvider Time => time;

    /// <summary>Records that someone saw sensitive data (an unmasked ID number, an accuser's identity).</summary>
    public void RecordView(string entityType, string entityId, string what) =>
        AuditEntries.Add(new AuditEntry { Action = "view", EntityType = entityType, EntityId = entityId, Note = what });

    /// <summary>Records a named event that is not a row change, such as a failed login.</summary>
    public void RecordEvent(string action, string entityType, string entityId, string? note) =>
        AuditEntries.Add(new AuditEntry { Action = action, EntityType = entityType, EntityId = entityId, Note = note });

    /// <summary>
    /// A transaction that holds the audit chain lock from the start, for work that must read, decide and write without
    /// another server doing the same in between (seeding, the daily sweep, numbering).
    /// </summary>
    public async Task<IDbContextTransaction> BeginSerializedAsync(CancellationToken cancellationToken = default)
    {
        var transaction = await BeginWriteAsync(cancellationToken);
        await LockChainOnceAsync(cancellationToken);
        return transaction;
    }

    /// <summary>A transaction that is going to write. On SQLite it first waits for this server's turn to write.</summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var turn = await WaitForWriteTurnAsync(cancellationToken);
        if (turn is null)
        {
            return await Database.BeginTransactionAsync(cancellationToken);
        }

        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>Null where the database itself lets writers wait for each other without cost (PostgreSQL).</summary>
    protected virtual Task<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>Applies pending migrations at start; safe when several servers start at once (see the provider subclasses).</summary>
    public virtual Task ApplyMigrationsAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(cancellationToken);

    /// <summary>
    /// The identifier cipher of the application this context serves; null at design time, when migrations are made
    /// (the columns are the same with or without it).
    /// </summary>
    public IdentifierCipher? Cipher => _cipher ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IdentifierCipher>();

    private IdentifierCipher? _cipher;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(XinfangDb).Assembly);
        if (Cipher is { } cipher)
        {
            // EF Core applies the converter to query parameters too; with a random nonce they never equal a stored
            // value, which is why lookups go through the keyed hashes instead.
            var converter = new ValueConverter<string, string>(v => cipher.Protect(v), v => cipher.Unprotect(v));
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties())
                         .Where(p => p.FindAnnotation(IdentifierCipher.Encrypted) is not null))
            {
                property.SetValueConverter(converter);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite hands DateTime back unspecified, so say what it is on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Only framework code saves synchronously (Data Protection storing a new key, a few times a year). It takes the
    /// same audited path; ASP.NET Core has no synchronisation context, so blocking here cannot deadlock.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = AuditChain.Storable(time.GetUtcNow().UtcDateTime);
        var rows = AuditRecorder.Collect(ChangeTracker, actor.Name, now);
        var pending = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var view in pending)
        {
            view.At = now;
            view.Actor = actor.Name;
        }

        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }

        if (rows.Count == 0 && pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await BeginWriteAsync(cancellationToken) : null;
        try
        {
            await LockChainOnceAsync(cancellationToken);
            var head = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var (sequence, hash) = head is null ? (0L, AuditChain.Genesis) : (head.Sequence, head.Hash);
            foreach (var row in pending.Concat(rows))
            {
                row.Sequence = ++sequence;
                row.PreviousHash = hash;
                row.Hash = hash = AuditChain.HashOf(row);
            }

            AuditEntries.AddRange(rows);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The chain lock lasts until the transaction ends; taking it again in the same transaction is a wasted round trip.</summary>
    private async Task LockChainOnceAsync(CancellationToken cancellationToken)
    {
        var transaction = Database.CurrentTransaction?.TransactionId;
        if (transaction is null || transaction != _chainLockedIn)
        {
            await LockAuditChainAsync(cancellationToken);
            _chainLockedIn = transaction;
        }
    }

    private Guid? _chainLockedIn;

    /// <summary>
    /// Serialises appends to the chain across connections and servers until the transaction ends. Appends must be
    /// strictly ordered: two writers reading the same head would fork the chain (the primary key refuses that).
    /// </summary>
    protected abstract Task LockAuditChainAsync(CancellationToken cancellationToken);
}
