using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Exchange;

/// <summary>The exchange package: exported from one database, imported into a fresh one, the same matters, history and document bytes; a bad package refused with every reason and nothing stored.</summary>
public sealed class ExchangePackageTests(SharedApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    private static readonly byte[] SecondPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Lang (zh) >> endobj\n%%EOF\n");

    private static async Task<byte[]> ExportAsync(HttpClient http, JsonElement matter)
    {
        var response = await http.GetAsync($"/api/v1/exchange/export?matterId={Id(matter)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task AttachAsync(HttpClient http, JsonElement matter, byte[] pdf, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", name }, { new StringContent("letter"), "kind" } };
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync($"/api/v1/matters/{Id(matter)}/attachments", form)).StatusCode);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient http, byte[] package)
    {
        var content = new ByteArrayContent(package);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return http.PostAsync("/api/v1/exchange/import", content);
    }

    /// <summary>
    /// One fresh receiving database per provider serves every case (a fresh app costs seconds): first the bad packages,
    /// each refused by name with nothing stored, then the good one. The receiver writes a batch whenever it holds more
    /// than 1 KB, so the two-matter package (many times that) is written in several batches inside one transaction:
    /// it imports whole, and a problem in its last matter undoes the batches written before it.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_package_imports_into_a_fresh_database_in_batches_with_its_history_and_document_bytes_and_a_bad_one_is_refused_with_every_reason(Db db)
    {
        var source = await (await apps.For(db)).StaffAsync("610114", "registrar");
        var handler = await (await apps.For(db)).StaffAsync(Housing, "handler");
        var matter = await RegisterAsync(source.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(source.Http, matter, "transfer", new { unitId = handler.UnitId, on = "2025-09-22" });
        matter = await ActAsync(handler.Http, matter, "accept", new { on = "2025-09-24" });
        await AttachAsync(source.Http, matter, Pdf, "来信.pdf");
        var second = await RegisterAsync(source.Http, Letter(new DateOnly(2025, 9, 21)));
        await AttachAsync(source.Http, second, SecondPdf, "补充材料.pdf");
        var original = await GetAsync(source.Http, matter);
        var package = Merge(await ExportAsync(source.Http, matter), await ExportAsync(source.Http, second));
        Assert.Equal(HttpStatusCode.NotFound, (await source.Http.GetAsync($"/api/v1/exchange/export?matterId={Guid.NewGuid()}")).StatusCode);

        const int flushBytes = 1024;
        Assert.True(Expanded(package) > 4 * flushBytes, "the package must be larger than what the receiver holds in memory");
        await using var other = await XinfangApp.StartWithAsync(db, new Dictionary<string, string> { ["Exchange:ImportFlushBytes"] = $"{flushBytes}" });
        var registrar = await other.StaffAsync("610114", "registrar");

        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Pdf), HttpStatusCode.UnprocessableEntity, "exchange.not-a-zip");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, "PK"u8.ToArray()), HttpStatusCode.UnprocessableEntity, "exchange.not-a-zip");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) => [(name.Replace("matters/", "../", StringComparison.Ordinal), bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.unsafe-entry");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) => [(name.StartsWith("blobs/", StringComparison.Ordinal) ? "/etc/" + name : name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.unsafe-entry");
        // A zip bomb: a few hundred kilobytes that expand beyond the cap of one entry.
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                bytes.AsSpan().SequenceEqual(Pdf) ? [(name, new byte[65 * 1024 * 1024])] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.expanded-too-large");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name == "xinfang-exchange.json" ? [(name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)))] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.schema-invalid");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("blobs/", StringComparison.Ordinal) ? [] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.blob-missing");
        // Both matter files changed: both named, not only the first.
        var both = await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("matters/", StringComparison.Ordinal) ? [(name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("讨要", "索要", StringComparison.Ordinal)))] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.hash-mismatch");
        Assert.Equal(["exchange.hash-mismatch", "exchange.hash-mismatch"], both.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        // Only the last matter's file is changed: the first was already written in its own batch, and is undone.
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                bytes.AsSpan().SequenceEqual(SecondPdf) ? [(name, [.. bytes, 0])] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.hash-mismatch");
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.Http.GetAsync($"/api/v1/matters/{Id(original)}")).StatusCode);
        Assert.Equal(0, await other.WithDbAsync(d => Task.FromResult(d.Set<Xinfang.Web.Data.Attachment>().Count())));

        var response = await ImportAsync(registrar.Http, package);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());

        var imported = await GetAsync(registrar.Http, original);
        foreach (var field in new[] { "number", "status", "title", "content", "receivedOn", "acceptedOn", "unitName", "version" })
        {
            Assert.Equal(original.GetProperty(field).ToString(), imported.GetProperty(field).ToString());
        }

        string History(JsonElement m) => string.Join("\n", m.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("action")} {e.GetProperty("on")} {e.GetProperty("by")} {e.GetProperty("note")}"));
        Assert.Equal(History(original), History(imported));
        Assert.Equal(original.GetProperty("deadlines").GetArrayLength(), imported.GetProperty("deadlines").GetArrayLength());
        var receiver = await other.StaffAsync(Housing, "handler"); // the unit matched by code: the receiving database's own unit holds it
        Assert.Equal(receiver.UnitId, imported.GetProperty("unitId").GetGuid());

        foreach (var notice in original.GetProperty("notices").EnumerateArray())
        {
            var id = notice.GetProperty("id").GetGuid();
            Assert.Equal(await source.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx"), await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx"));
        }

        foreach (var (m, pdf) in new[] { (original, Pdf), (second, SecondPdf) })
        {
            var files = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(m)}/attachments");
            Assert.Equal(pdf, await registrar.Http.GetByteArrayAsync($"/api/v1/attachments/{files[0].GetProperty("id").GetGuid()}/content"));
        }

        // Imported twice, it is refused: the matters are already here, each named.
        var again = await Http.AssertProblemAsync(await ImportAsync(registrar.Http, package), HttpStatusCode.Conflict, "exchange.matter-exists");
        Assert.Equal(2, again.GetProperty("refusals").GetArrayLength());
        // A unit may not import or export: the exchange is the bureau's.
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(receiver.Http, package)).StatusCode);
    }

    /// <summary>Two packages as one: the entries of both, one manifest listing the matters, units and templates of both.</summary>
    private static byte[] Merge(byte[] first, byte[] second)
    {
        var manifests = new[] { first, second }.Select(p => Entries(p).First(e => e.Name == "xinfang-exchange.json").Bytes)
            .Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        var manifest = manifests[0];
        foreach (var list in new[] { "units", "templates", "matters" })
        {
            var ids = manifest[list]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
            foreach (var item in manifests[1][list]!.AsArray().Where(n => !ids.Contains(n!["id"]!.GetValue<string>())).ToList())
            {
                manifest[list]!.AsArray().Add(item!.DeepClone());
            }
        }

        return Zip(Entries(first).Concat(Entries(second)).Where(e => e.Name != "xinfang-exchange.json").DistinctBy(e => e.Name)
            .Append(("xinfang-exchange.json", Encoding.UTF8.GetBytes(manifest.ToJsonString()))));
    }

    private static long Expanded(byte[] package) => Entries(package).Sum(e => (long)e.Bytes.Length);

    private static List<(string Name, byte[] Bytes)> Entries(byte[] package)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. source.Entries.Select(entry =>
        {
            using var read = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(read);
            }

            return (entry.FullName, read.ToArray());
        })];
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var write = target.CreateEntry(name, CompressionLevel.Fastest).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>The package with each entry replaced by what <paramref name="change"/> makes of it (none, one or more entries).</summary>
    private static byte[] Rewrite(byte[] package, Func<string, byte[], IEnumerable<(string Name, byte[] Bytes)>> change) =>
        Zip(Entries(package).SelectMany(e => change(e.Name, e.Bytes)));
}
