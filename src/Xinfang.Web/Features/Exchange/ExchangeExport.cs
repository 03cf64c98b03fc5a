using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;

namespace Xinfang.Web.Features.Exchange;

/// <summary>
/// Writes an exchange package (docs/exchange/README.md) straight onto a stream: matters are read a batch at a time and
/// each file goes into the zip as it is made, so memory holds one batch, never the package.
/// </summary>
public sealed class ExchangeExport(XinfangDb db, TimeProvider time)
{
    private const int Batch = 100;

    public Task<bool> ExistsAsync(Guid matterId, CancellationToken cancellationToken) =>
        db.Set<Matter>().AnyAsync(m => m.Id == matterId, cancellationToken);

    public async Task WriteAsync(Stream output, Guid? matterId, DateOnly? since, string exportedBy, CancellationToken cancellationToken)
    {
        var query = db.Set<Matter>().AsNoTracking();
        if (matterId is { } id)
        {
            query = query.Where(m => m.Id == id);
        }

        if (since is { } day)
        {
            var from = ChinaTime.StartOf(day);
            query = query.Where(m => m.UpdatedAt >= from);
        }

        var ids = await query.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new JsonArray();
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var matters = await db.Set<Matter>().Where(m => chunk.Contains(m.Id))
                .Include(m => m.Petitioners).Include(m => m.Deadlines).Include(m => m.Notices).Include(m => m.Events)
                .AsSplitQuery().ToListAsync(cancellationToken);
            var noticeIds = matters.SelectMany(m => m.Notices).Select(n => n.Id).ToList();
            var documents = (await db.Set<NoticeDocument>().Where(d => noticeIds.Contains(d.NoticeId)).ToListAsync(cancellationToken)).ToDictionary(d => d.NoticeId);
            var attachments = (await db.Set<Attachment>().Where(a => chunk.Contains(a.MatterId)).ToListAsync(cancellationToken)).ToLookup(a => a.MatterId);
            foreach (var matter in matters.OrderBy(m => m.Id))
            {
                var file = new JsonObject
                {
                    ["version"] = ExchangePackage.Version,
                    ["matter"] = ExchangeRows.Write(db.Entry(matter)),
                    // The keyed hashes of identifiers are this installation's: the receiver computes its own as it stores them.
                    ["petitioners"] = new JsonArray([.. matter.Petitioners.Select(p => (JsonNode)ExchangeRows.Write(db.Entry(p),
                        PetitionerConfiguration.IdNumberHash, PetitionerConfiguration.PhoneHash, PetitionerConfiguration.AddressHash))]),
                    ["deadlines"] = Rows(matter.Deadlines),
                    ["notices"] = Rows(matter.Notices),
                    ["events"] = Rows(matter.Events),
                    ["evaluations"] = JsonSerializer.SerializeToNode(matter.Evaluations, MatterJson.Options),
                    ["documents"] = new JsonArray([.. matter.Notices.Where(n => documents.ContainsKey(n.Id)).Select(n => documents[n.Id]).Select(d => (JsonNode)new JsonObject
                    {
                        ["NoticeId"] = d.NoticeId.ToString(), ["TemplateId"] = d.TemplateId.ToString(), ["Sha256"] = d.Sha256, ["Length"] = d.Length,
                    })]),
                    ["attachments"] = new JsonArray([.. attachments[matter.Id].Select(a => (JsonNode)ExchangeRows.Write(db.Entry(a), nameof(Attachment.Content)))]),
                };
                var bytes = JsonSerializer.SerializeToUtf8Bytes(file, ExchangePackage.Json);
                var path = $"matters/{matter.Id}.json";
                await WriteEntryAsync(zip, path, bytes, cancellationToken);
                entries.Add(new JsonObject { ["id"] = matter.Id.ToString(), ["number"] = matter.Number, ["path"] = path, ["sha256"] = Sha(bytes) });
                foreach (var (sha, content) in matter.Notices.Where(n => documents.ContainsKey(n.Id)).Select(n => (documents[n.Id].Sha256, documents[n.Id].Content))
                             .Concat(attachments[matter.Id].Select(a => (a.Sha256, a.Content))))
                {
                    if (blobs.Add(sha))
                    {
                        await WriteEntryAsync(zip, $"blobs/{sha}", content, cancellationToken);
                    }
                }
            }

            db.ChangeTracker.Clear();
        }

        var manifest = new JsonObject
        {
            ["format"] = ExchangePackage.Format,
            ["version"] = ExchangePackage.Version,
            ["exportedAt"] = time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["exportedBy"] = exportedBy,
            ["since"] = since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["units"] = new JsonArray([.. (await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken))
                .Select(u => (JsonNode)new JsonObject { ["id"] = u.Id.ToString(), ["code"] = u.Code, ["name"] = u.Name })]),
            ["templates"] = new JsonArray([.. (await db.Set<NoticeTemplateRecord>().AsNoTracking().OrderBy(t => t.Key).ThenBy(t => t.Version).ToListAsync(cancellationToken))
                .Select(t => (JsonNode)new JsonObject { ["id"] = t.Id.ToString(), ["key"] = t.Key, ["version"] = t.Version })]),
            ["matters"] = entries,
        };
        await WriteEntryAsync(zip, ExchangePackage.ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, ExchangePackage.Json), cancellationToken);
    }

    private JsonArray Rows<T>(IEnumerable<T> rows) where T : class => new([.. rows.Select(r => (JsonNode)ExchangeRows.Write(db.Entry(r)))]);

    private static async Task WriteEntryAsync(ZipArchive zip, string path, byte[] content, CancellationToken cancellationToken)
    {
        // A fixed time stamp: the same matter exports to the same bytes.
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
