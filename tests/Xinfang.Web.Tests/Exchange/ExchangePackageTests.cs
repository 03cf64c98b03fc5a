using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Exchange;

/// <summary>The exchange package: exported from one database, imported into a fresh one, the same matter, history and document bytes; a bad package refused with nothing stored.</summary>
public sealed class ExchangePackageTests(SharedApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static async Task<(JsonElement Matter, byte[] Package)> ExportedAsync(XinfangApp app)
    {
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Housing, "handler");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = handler.UnitId, on = "2025-09-22" });
        matter = await ActAsync(handler.Http, matter, "accept", new { on = "2025-09-24" });
        var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "来信.pdf" }, { new StringContent("letter"), "kind" } };
        Assert.Equal(HttpStatusCode.Created, (await registrar.Http.PostAsync($"/api/v1/matters/{Id(matter)}/attachments", form)).StatusCode);

        var response = await registrar.Http.GetAsync($"/api/v1/exchange/export?matterId={Id(matter)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return (await GetAsync(registrar.Http, matter), await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient http, byte[] package)
    {
        var content = new ByteArrayContent(package);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return http.PostAsync("/api/v1/exchange/import", content);
    }

    [Theory, DatabaseData]
    public async Task An_exported_matter_imports_into_a_fresh_database_with_its_history_and_document_bytes(Db db)
    {
        var (original, package) = await ExportedAsync(await apps.For(db));
        await using var other = await XinfangApp.StartAsync(db);
        var registrar = await other.StaffAsync("610114", "registrar");

        var response = await ImportAsync(registrar.Http, package);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());

        var imported = await GetAsync(registrar.Http, original);
        foreach (var field in new[] { "number", "status", "title", "content", "receivedOn", "acceptedOn", "unitName", "version" })
        {
            Assert.Equal(original.GetProperty(field).ToString(), imported.GetProperty(field).ToString());
        }

        string History(JsonElement m) => string.Join("\n", m.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("action")} {e.GetProperty("on")} {e.GetProperty("by")} {e.GetProperty("note")}"));
        Assert.Equal(History(original), History(imported));
        Assert.Equal(original.GetProperty("deadlines").GetArrayLength(), imported.GetProperty("deadlines").GetArrayLength());
        var handler = await other.StaffAsync(Housing, "handler"); // the unit matched by code: the receiving database's own unit holds it
        Assert.Equal(handler.UnitId, imported.GetProperty("unitId").GetGuid());

        var source = await (await apps.For(db)).StaffAsync("610114", "registrar");
        foreach (var notice in original.GetProperty("notices").EnumerateArray())
        {
            var id = notice.GetProperty("id").GetGuid();
            Assert.Equal(await source.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx"), await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx"));
        }

        var files = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(original)}/attachments");
        Assert.Equal(Pdf, await registrar.Http.GetByteArrayAsync($"/api/v1/attachments/{files[0].GetProperty("id").GetGuid()}/content"));

        // Imported twice, it is refused: the matter is already here.
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, package), HttpStatusCode.Conflict, "exchange.matter-exists");
        // A unit may not import or export: the exchange is the bureau's.
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(handler.Http, package)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_bad_package_is_refused_by_name_and_nothing_is_stored(Db db)
    {
        var (original, package) = await ExportedAsync(await apps.For(db));
        await using var other = await XinfangApp.StartAsync(db);
        var registrar = await other.StaffAsync("610114", "registrar");

        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Pdf), HttpStatusCode.UnprocessableEntity, "exchange.not-a-zip");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) => [(name.Replace("matters/", "../", StringComparison.Ordinal), bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.unsafe-entry");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) => [(name.StartsWith("blobs/", StringComparison.Ordinal) ? "/etc/" + name : name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.unsafe-entry");
        // A zip bomb: a few hundred kilobytes that expand beyond the cap of one entry.
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("blobs/", StringComparison.Ordinal) ? [(name, new byte[65 * 1024 * 1024])] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.expanded-too-large");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name == "xinfang-exchange.json" ? [(name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)))] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.schema-invalid");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("matters/", StringComparison.Ordinal) ? [(name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("讨要", "索要", StringComparison.Ordinal)))] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.hash-mismatch");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("blobs/", StringComparison.Ordinal) ? [(name, [.. bytes, 0])] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.hash-mismatch");
        await Http.AssertProblemAsync(await ImportAsync(registrar.Http, Rewrite(package, (name, bytes) =>
                name.StartsWith("blobs/", StringComparison.Ordinal) ? [] : [(name, bytes)])),
            HttpStatusCode.UnprocessableEntity, "exchange.blob-missing");

        Assert.Equal(HttpStatusCode.NotFound, (await registrar.Http.GetAsync($"/api/v1/matters/{Id(original)}")).StatusCode);
        Assert.Equal(0, await other.WithDbAsync(d => Task.FromResult(d.Set<Xinfang.Web.Data.Attachment>().Count())));
    }

    /// <summary>The package with each entry replaced by what <paramref name="change"/> makes of it (none, one or more entries).</summary>
    private static byte[] Rewrite(byte[] package, Func<string, byte[], IEnumerable<(string Name, byte[] Bytes)>> change)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(read);
                }

                foreach (var (name, bytes) in change(entry.FullName, read.ToArray()))
                {
                    using var write = target.CreateEntry(name, CompressionLevel.Optimal).Open();
                    write.Write(bytes);
                }
            }
        }

        return output.ToArray();
    }
}
