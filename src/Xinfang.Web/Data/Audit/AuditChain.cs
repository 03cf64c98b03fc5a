using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Xinfang.Web.Data.Audit;

/// <summary>The hash chain over <see cref="AuditEntry"/> rows: how a row is hashed and how the chain is verified.</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The instant as every provider reads it back: PostgreSQL keeps microseconds, the clock gives 100 ns ticks. The
    /// hash must cover the stored value, or a row written at 12:00:00.1234567 would fail verification on PostgreSQL.
    /// </summary>
    public static DateTime Storable(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    public static string HashOf(AuditEntry e)
    {
        // Fields joined with a separator that cannot occur unescaped; lengths make the encoding unambiguous.
        var canonical = string.Join('\u001f',
            e.PreviousHash,
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("O", CultureInfo.InvariantCulture),
            Field(e.Actor), Field(e.Action), Field(e.EntityType), Field(e.EntityId),
            Field(e.Before), Field(e.After), Field(e.Note));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Field(string? value) => value is null ? "-" : $"{value.Length}:{value}";

    /// <summary>Walks the whole chain in order; returns the first broken link, or null when the chain is intact.</summary>
    public static async Task<AuditBreak?> VerifyAsync(XinfangDb db, CancellationToken cancellationToken = default)
    {
        var previousHash = Genesis;
        var expectedSequence = 1L;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // SQLite reads DateTime back as Unspecified; the hash was computed over the UTC instant.
            entry.At = DateTime.SpecifyKind(entry.At, DateTimeKind.Utc);
            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence, $"缺少第 {expectedSequence} 条记录（下一条是第 {entry.Sequence} 条），记录可能被删除。");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录的前序哈希与第 {entry.Sequence - 1} 条不符，链条在此断开。");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new AuditBreak(entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希不符，记录可能被篡改。");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
