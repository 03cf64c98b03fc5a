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

/// <summary>One reason a package was refused; a refused package lists every one found (up to <see cref="ExchangeImport.MaxRefusals"/>).</summary>
public sealed record ImportRefusal(string Code, string Detail);

/// <summary>
/// Reads an exchange package into this database, one entry at a time from the zip on disk: every entry named as the
/// format allows, every byte counted against the caps while it is read (a zip's own sizes can lie), every JSON file
/// checked against its schema and every file against its SHA-256, units and templates matched by code and by key.
/// Matters are written as they pass, in batches bounded by <c>Exchange:ImportFlushBytes</c> (the change tracker is
/// cleared after each), all inside one transaction that commits only when the whole package has passed: all of it or
/// nothing, with memory holding one batch and never the package. A refused package names every problem found, not
/// only the first, so the sender can fix them all at once.
/// </summary>
public sealed class ExchangeImport(XinfangDb db, IConfiguration configuration)
{
    public const int MaxRefusals = 50;

    private const int FlushMatters = 100;

    public long MaxPackageBytes => configuration.GetValue("Exchange:MaxPackageBytes", ExchangePackage.DefaultMaxPackageBytes);

    private long MaxExpandedBytes => configuration.GetValue("Exchange:MaxExpandedBytes", ExchangePackage.DefaultMaxExpandedBytes);

    private int MaxEntries => configuration.GetValue("Exchange:MaxEntries", ExchangePackage.DefaultMaxEntries);

    private long FlushBytes => configuration.GetValue("Exchange:ImportFlushBytes", ExchangePackage.DefaultImportFlushBytes);

    /// <summary>Imports the package; <paramref name="package"/> must be seekable (a file), so that entries are read from it and not copied into memory.</summary>
    public async Task<Result<ImportResult>> ImportAsync(Stream package, CancellationToken cancellationToken)
    {
        var result = await OpenAndReadAsync(package, cancellationToken);
        // Every refusal, one reason or many, answers in the same shape: the reasons as `refusals`.
        return result.TryGet(out var imported, out var error) ? imported : Refusal([.. Reasons(error)]);
    }

    private async Task<Result<ImportResult>> OpenAndReadAsync(Stream package, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            // Shorter than a zip's end record (22 bytes), the reader would seek before the start of the stream.
            if (package.Length < 22)
            {
                return Refused("exchange.not-a-zip", "上传的文件不是 zip 格式的交换包。");
            }

            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
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

        var unsafeNames = zip.Entries.Where(e => !ExchangePackage.EntryName().IsMatch(e.FullName)).Take(MaxRefusals)
            .Select(e => new ImportRefusal("exchange.unsafe-entry",
                $"交换包中的文件名“{new string(e.FullName.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray())}”不允许（只能是清单、matters/ 下的事项文件或 blobs/ 下的文件，不得含 ../ 或绝对路径）。"))
            .ToList();
        if (unsafeNames.Count > 0)
        {
            return Refusal(unsafeNames);
        }

        var budget = new Budget(MaxExpandedBytes);
        if (zip.GetEntry(ExchangePackage.ManifestName) is not { } manifestEntry)
        {
            return Refused("exchange.manifest-missing", $"交换包缺少清单文件 {ExchangePackage.ManifestName}。");
        }

        if (!(await ReadJsonAsync(manifestEntry, ExchangePackage.ManifestSchema, budget, cancellationToken)).TryGet(out var manifest, out var badManifest))
        {
            return badManifest;
        }

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var templates = await db.Set<NoticeTemplateRecord>().AsNoTracking().Select(t => new { t.Id, t.Key, t.Version }).ToListAsync(cancellationToken);
        var unitIds = manifest["units"]!.AsArray().Select(u => (Id: u!["id"]!.GetValue<string>(), Code: u["code"]!.GetValue<string>(), Name: u["name"]!.GetValue<string>())).ToList();
        var templateIds = manifest["templates"]!.AsArray().Select(t => (Id: t!["id"]!.GetValue<string>(), Key: t["key"]!.GetValue<string>(), Version: t["version"]!.GetValue<int>()))
            .Select(t => (t.Id, Here: templates.FirstOrDefault(h => h.Key == t.Key && h.Version == t.Version)?.Id
                                     ?? templates.Where(h => h.Key == t.Key).OrderByDescending(h => h.Version).FirstOrDefault()?.Id))
            .ToList();

        // Written batch by batch inside this one transaction; disposing it uncommitted undoes every batch.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var refusals = new List<ImportRefusal>();
        var imported = new List<ImportedMatter>();
        var pending = new Batch();
        foreach (var item in manifest["matters"]!.AsArray())
        {
            if (refusals.Count >= MaxRefusals)
            {
                break;
            }

            var step = await MatterAsync(zip, item!.AsObject(), units, unitIds, templateIds, budget, write: refusals.Count == 0, pending, cancellationToken);
            if (!step.TryGet(out var matter, out var refused))
            {
                db.ChangeTracker.Clear();
                refusals.AddRange(Reasons(refused));
                if (refused.Code == "exchange.expanded-too-large")
                {
                    break; // the budget is spent: reading on proves nothing more
                }

                continue;
            }

            imported.Add(matter);
            if (refusals.Count == 0 && (pending.Bytes >= FlushBytes || pending.Matters >= FlushMatters)
                && await FlushAsync(pending, cancellationToken) is { } clash)
            {
                refusals.Add(clash);
                break; // the database refused a row: on PostgreSQL the transaction can run nothing more
            }
        }

        if (refusals.Count == 0 && await FlushAsync(pending, cancellationToken) is { } last)
        {
            refusals.Add(last);
        }

        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refusal(refusals);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(imported.Count, imported);
    }

    /// <summary>Reads, checks and (while nothing has been refused) adds one matter of the manifest.</summary>
    private async Task<Result<ImportedMatter>> MatterAsync(ZipArchive zip, JsonObject item, Dictionary<string, Guid> units,
        List<(string Id, string Code, string Name)> unitIds, List<(string Id, Guid? Here)> templateIds, Budget budget, bool write, Batch pending,
        CancellationToken cancellationToken)
    {
        var path = item["path"]!.GetValue<string>();
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

        return await AddMatterAsync(zip, file, bytes.LongLength, budget, write, pending, cancellationToken);
    }

    /// <summary>Saves the batch inside the import's transaction and empties the change tracker; a clash with a stored row is a refusal.</summary>
    private async Task<ImportRefusal?> FlushAsync(Batch pending, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ImportRefusal("exchange.matter-exists", "交换包中的事项或文书编号与本系统已有的重复，未导入任何内容。");
        }
        finally
        {
            db.ChangeTracker.Clear();
            pending.Bytes = 0;
            pending.Matters = 0;
        }

        return null;
    }

    private async Task<Result<ImportedMatter>> AddMatterAsync(ZipArchive zip, JsonObject file, long size, Budget budget, bool write, Batch pending, CancellationToken cancellationToken)
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

        if (!write)
        {
            return new ImportedMatter(id, number); // checked only: something before it was refused
        }

        pending.Matters++;
        pending.Bytes += size + blobs.Values.Sum(b => (long)b.Length);
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

    private static async Task<Result<JsonObject>> ReadJsonAsync(ZipArchiveEntry entry, JsonSchema schema, Budget budget, CancellationToken cancellationToken)
    {
        if (!(await ReadBytesAsync(entry, budget, cancellationToken)).TryGet(out var bytes, out var tooBig))
        {
            return tooBig;
        }

        return Parse(Encoding.UTF8.GetString(bytes), schema, entry.FullName);
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

    /// <summary>What the matters written since the last flush hold, counted to bound the change tracker.</summary>
    private sealed class Batch
    {
        public long Bytes { get; set; }

        public int Matters { get; set; }
    }

    private static Error Refused(string code, string detail) => Error.Validation(code, detail);

    private static IEnumerable<ImportRefusal> Reasons(Error error) =>
        error.Extensions?.GetValueOrDefault("refusals") as IReadOnlyList<ImportRefusal> ?? [new ImportRefusal(error.Code, error.Detail)];

    /// <summary>
    /// One problem detail for all the reasons: the first one's code and status (a clash with stored matters is 409), the
    /// detail naming them all, and each as <c>refusals</c> [{code, detail}].
    /// </summary>
    private static Error Refusal(List<ImportRefusal> refusals)
    {
        var first = refusals[0];
        var detail = refusals.Count == 1
            ? first.Detail
            : $"交换包有 {refusals.Count} 处问题{(refusals.Count >= MaxRefusals ? "（只列出前 " + MaxRefusals + " 处）" : "")}，未导入任何内容：" +
              string.Join(" ", refusals.Select((r, i) => $"{i + 1}. {r.Detail}"));
        var error = first.Code == "exchange.matter-exists"
            ? Error.Conflict(first.Code, "事项已存在", detail)
            : Error.Validation(first.Code, detail);
        return error.With("refusals", refusals);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
