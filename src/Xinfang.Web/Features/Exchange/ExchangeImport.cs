using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Exchange;

public sealed record ImportedMatter(Guid Id, string Number);

public sealed record ImportResult(int Count, IReadOnlyList<ImportedMatter> Matters);

/// <summary>
/// Reads an exchange package into this database: every entry named as the format allows, every byte counted against
/// the caps while it is read (a zip's own sizes can lie), every JSON file checked against its schema and every file
/// against its SHA-256, units and templates matched by code and by key — and then all of it stored in one save, or
/// nothing.
/// </summary>
public sealed class ExchangeImport(XinfangDb db, IConfiguration configuration)
{
    public long MaxPackageBytes => configuration.GetValue("Exchange:MaxPackageBytes", ExchangePackage.DefaultMaxPackageBytes);

    private long MaxExpandedBytes => configuration.GetValue("Exchange:MaxExpandedBytes", ExchangePackage.DefaultMaxExpandedBytes);

    private int MaxEntries => configuration.GetValue("Exchange:MaxEntries", ExchangePackage.DefaultMaxEntries);

    public async Task<Result<ImportResult>> ImportAsync(Stream package, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return Refused("exchange.not-a-zip", "上传的文件不是 zip 格式的交换包。");
        }

        using (zip)
        {
            try
            {
                return await ReadAsync(zip, cancellationToken);
            }
            catch (InvalidDataException)
            {
                db.ChangeTracker.Clear();
                return Refused("exchange.not-a-zip", "交换包已损坏，无法解压。");
            }
        }
    }

    private async Task<Result<ImportResult>> ReadAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return Refused("exchange.too-many-entries", $"交换包含 {zip.Entries.Count} 个文件，超过上限 {MaxEntries} 个。");
        }

        foreach (var entry in zip.Entries)
        {
            if (!ExchangePackage.EntryName().IsMatch(entry.FullName))
            {
                var shown = new string(entry.FullName.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray());
                return Refused("exchange.unsafe-entry", $"交换包中的文件名“{shown}”不允许（只能是清单、matters/ 下的事项文件或 blobs/ 下的文件，不得含 ../ 或绝对路径）。");
            }
        }

        var budget = new Budget(MaxExpandedBytes);
        if (zip.GetEntry(ExchangePackage.ManifestName) is not { } manifestEntry)
        {
            return Refused("exchange.manifest-missing", $"交换包缺少清单文件 {ExchangePackage.ManifestName}。");
        }

        if (!(await ReadJsonAsync(manifestEntry, ExchangePackage.ManifestSchema, budget, cancellationToken)).TryGet(out var manifestRead, out var badManifest))
        {
            return badManifest;
        }

        var manifest = manifestRead.Json;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var templates = await db.Set<NoticeTemplateRecord>().AsNoTracking().Select(t => new { t.Id, t.Key, t.Version }).ToListAsync(cancellationToken);
        var unitIds = manifest["units"]!.AsArray().Select(u => (Id: u!["id"]!.GetValue<string>(), Code: u["code"]!.GetValue<string>(), Name: u["name"]!.GetValue<string>())).ToList();
        var templateIds = manifest["templates"]!.AsArray().Select(t => (Id: t!["id"]!.GetValue<string>(), Key: t["key"]!.GetValue<string>(), Version: t["version"]!.GetValue<int>()))
            .Select(t => (t.Id, Here: templates.FirstOrDefault(h => h.Key == t.Key && h.Version == t.Version)?.Id
                                     ?? templates.Where(h => h.Key == t.Key).OrderByDescending(h => h.Version).FirstOrDefault()?.Id))
            .ToList();

        var imported = new List<ImportedMatter>();
        foreach (var item in manifest["matters"]!.AsArray())
        {
            var path = item!["path"]!.GetValue<string>();
            if (zip.GetEntry(path) is not { } entry)
            {
                return Refused("exchange.blob-missing", $"清单列出的事项文件 {path} 不在交换包中。");
            }

            if (!(await ReadBytesAsync(entry, budget, cancellationToken)).TryGet(out var bytes, out var tooBig))
            {
                return tooBig;
            }

            if (Sha(bytes) != item["sha256"]!.GetValue<string>())
            {
                return Refused("exchange.hash-mismatch", $"事项文件 {path} 的 SHA-256 与清单不符，文件可能已被改动。");
            }

            // Ids of units and templates are this database's, matched by unit code and by template key and version.
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var unit in unitIds.Where(u => text.Contains(u.Id, StringComparison.Ordinal)))
            {
                if (!units.TryGetValue(unit.Code, out var here))
                {
                    return Refused("exchange.unknown-unit", $"事项 {item["number"]} 涉及的单位“{unit.Name}”（代码 {unit.Code}）在本系统中不存在，请先在组织机构中添加。");
                }

                text = text.Replace(unit.Id, here.ToString(), StringComparison.Ordinal);
            }

            foreach (var (id, here) in templateIds.Where(t => text.Contains(t.Id, StringComparison.Ordinal)))
            {
                if (here is null)
                {
                    return Refused("exchange.unknown-template", $"事项 {item["number"]} 的文书所用模板在本系统中不存在。");
                }

                text = text.Replace(id, here.Value.ToString(), StringComparison.Ordinal);
            }

            if (!Parse(text, ExchangePackage.MatterSchema, path).TryGet(out var file, out var badFile))
            {
                return badFile;
            }

            if (!(await AddMatterAsync(zip, file, budget, cancellationToken)).TryGet(out var matter, out var refused))
            {
                db.ChangeTracker.Clear();
                return refused;
            }

            imported.Add(matter);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("exchange.matter-exists", "事项已存在", "交换包中的事项或文书编号与本系统已有的重复，未导入任何内容。");
        }

        return new ImportResult(imported.Count, imported);
    }

    private async Task<Result<ImportedMatter>> AddMatterAsync(ZipArchive zip, JsonObject file, Budget budget, CancellationToken cancellationToken)
    {
        var row = file["matter"]!.AsObject();
        var id = row["Id"]!.Deserialize<Guid>();
        var number = row["Number"]!.GetValue<string>();
        if (await db.Set<Matter>().AnyAsync(m => m.Id == id || m.Number == number, cancellationToken)
            || db.ChangeTracker.Entries<Matter>().Any(e => e.Entity.Id == id || e.Entity.Number == number))
        {
            return Error.Conflict("exchange.matter-exists", "事项已存在", $"信访事项 {number} 已在本系统中，交换包未导入任何内容。");
        }

        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var sha in file["documents"]!.AsArray().Concat(file["attachments"]!.AsArray()).Select(d => d!["Sha256"]!.GetValue<string>()).Distinct())
        {
            if (zip.GetEntry($"blobs/{sha}") is not { } entry)
            {
                return Error.Validation("exchange.blob-missing", $"事项 {number} 的文书或附件（SHA-256 {sha[..12]}…）不在交换包中。");
            }

            if (!(await ReadBytesAsync(entry, budget, cancellationToken)).TryGet(out var content, out var tooBig))
            {
                return tooBig;
            }

            if (Sha(content) != sha)
            {
                return Error.Validation("exchange.hash-mismatch", $"事项 {number} 的文件 blobs/{sha[..12]}… 内容与其 SHA-256 不符，文件可能已被改动。");
            }

            blobs[sha] = content;
        }

        var matter = ExchangeRows.Add<Matter>(db, row);
        var evaluations = db.Model.FindEntityType(typeof(Matter))!.FindNavigation(nameof(Matter.Evaluations))!.GetMemberInfo(true, true) as System.Reflection.FieldInfo
            ?? throw new InvalidOperationException("Evaluations have no backing field.");
        evaluations.SetValue(matter, file["evaluations"].Deserialize<List<Evaluation>>(MatterJson.Options) ?? []);
        foreach (var child in file["petitioners"]!.AsArray())
        {
            ExchangeRows.Add<Petitioner>(db, child!.AsObject());
        }

        foreach (var child in file["deadlines"]!.AsArray())
        {
            ExchangeRows.Add<Deadline>(db, child!.AsObject());
        }

        foreach (var child in file["notices"]!.AsArray())
        {
            ExchangeRows.Add<Notice>(db, child!.AsObject());
        }

        foreach (var child in file["events"]!.AsArray())
        {
            ExchangeRows.Add<MatterEvent>(db, child!.AsObject());
        }

        foreach (var d in file["documents"]!.AsArray())
        {
            var content = blobs[d!["Sha256"]!.GetValue<string>()];
            db.Add(new NoticeDocument
            {
                NoticeId = d["NoticeId"]!.Deserialize<Guid>(), TemplateId = d["TemplateId"]!.Deserialize<Guid>(), Content = content, Sha256 = Sha(content), Length = content.Length,
            });
        }

        foreach (var a in file["attachments"]!.AsArray())
        {
            var attachment = ExchangeRows.Add<Attachment>(db, a!.AsObject());
            attachment.Content = blobs[attachment.Sha256];
        }

        return new ImportedMatter(id, number);
    }

    private static async Task<Result<(JsonObject Json, long Length)>> ReadJsonAsync(ZipArchiveEntry entry, JsonSchema schema, Budget budget, CancellationToken cancellationToken)
    {
        if (!(await ReadBytesAsync(entry, budget, cancellationToken)).TryGet(out var bytes, out var tooBig))
        {
            return tooBig;
        }

        return Parse(Encoding.UTF8.GetString(bytes), schema, entry.FullName).TryGet(out var json, out var invalid) ? (json, bytes.LongLength) : invalid;
    }

    private static Result<JsonObject> Parse(string text, JsonSchema schema, string name)
    {
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Refused("exchange.schema-invalid", $"{name} 不是有效的 JSON。");
        }

        var results = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var first = results.Details?.FirstOrDefault(d => d.Errors is { Count: > 0 });
            var where = first is null ? "" : $"（位置 {first.InstanceLocation}：{string.Join("；", first.Errors!.Values)}）";
            return Refused("exchange.schema-invalid", $"{name} 不符合交换包格式（第 {ExchangePackage.Version} 版）{where}。");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Reads an entry, counting what it really expands to against the caps of the entry and of the package.</summary>
    private static async Task<Result<byte[]>> ReadBytesAsync(ZipArchiveEntry entry, Budget budget, CancellationToken cancellationToken)
    {
        await using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            budget.Used += read;
            if (buffer.Length + read > ExchangePackage.MaxEntryBytes || budget.Used > budget.Max)
            {
                return Refused("exchange.expanded-too-large",
                    $"交换包解压后超过上限（单个文件 {ExchangePackage.MaxEntryBytes / 1024 / 1024} MB，全部 {budget.Max / 1024 / 1024} MB），疑似压缩炸弹，已拒绝。");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed class Budget(long max)
    {
        public long Max { get; } = max;

        public long Used { get; set; }
    }

    private static Error Refused(string code, string detail) => Error.Validation(code, detail);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
