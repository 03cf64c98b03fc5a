using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Notices;

/// <summary>Files on matters: allowed by content, capped in size, safely named, scanned, and never shown to the accused.</summary>
public sealed class AttachmentTests(SharedApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient http, Guid matter, byte[] content, string name, string? kind = null, Guid? noticeId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        if (noticeId is not null)
        {
            form.Add(new StringContent(noticeId.Value.ToString()), "noticeId");
        }

        return http.PostAsync($"/api/v1/matters/{matter}/attachments", form);
    }

    [Theory, DatabaseData]
    public async Task A_signed_delivery_receipt_is_stored_with_its_hash_and_downloads_as_uploaded(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "decline", new { reason = "out-of-scope", on = "2025-09-22" });
        var notice = Notice(matter, "decline-notice").GetProperty("id").GetGuid();

        var response = await UploadAsync(registrar.Http, Id(matter), Pdf, "送达回执（已签收）.pdf", "delivery-receipt", notice);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal(notice, created.GetProperty("noticeId").GetGuid());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), created.GetProperty("sha256").GetString());

        var photo = await UploadAsync(registrar.Http, Id(matter), Png, "现场照片.jpg", "photo"); // named .jpg, is a PNG: the content decides
        Assert.Equal("image/png", (await photo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString());

        var list = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(matter)}/attachments");
        Assert.Equal(2, list.GetArrayLength());
        var content = await registrar.Http.GetAsync($"/api/v1/attachments/{created.GetProperty("id").GetGuid()}/content");
        Assert.Equal(Pdf, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", content.Content.Headers.ContentDisposition!.DispositionType);

        var audited = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Where(a => a.EntityType == "Attachment" && a.EntityId == created.GetProperty("id").GetGuid().ToString()).Select(a => a.After).Single()));
        Assert.Contains(created.GetProperty("sha256").GetString()!, audited);
    }

    [Theory, DatabaseData]
    public async Task Disallowed_oversized_badly_named_or_infected_uploads_are_refused_and_nothing_is_stored(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        var id = Id(matter);

        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "信.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.type-not-allowed");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, [0x4D, 0x5A, 0x90, 0x00], "scan.png"), HttpStatusCode.UnprocessableEntity, "attachment.type-not-allowed");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, Pdf, "../../etc/passwd.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.name-invalid");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, Pdf, "信\u0001件.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.name-invalid");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, [], "空.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.empty");
        var big = new byte[AttachmentRulesMax + 1];
        Pdf.CopyTo(big, 0);
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, big, "太大.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.too-large");
        var eicar = Pdf.Concat(Encoding.ASCII.GetBytes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")).ToArray();
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, eicar, "病毒.pdf"), HttpStatusCode.UnprocessableEntity, "attachment.rejected-by-scanner");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, Pdf, "回执.pdf", "delivery-receipt"), HttpStatusCode.UnprocessableEntity, "attachment.notice-required");
        await Http.AssertProblemAsync(await UploadAsync(registrar.Http, id, Pdf, "回执.pdf", "delivery-receipt", Guid.NewGuid()), HttpStatusCode.UnprocessableEntity, "attachment.notice-not-found");

        Assert.Equal(0, (await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}/attachments")).GetArrayLength());
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.Set<Xinfang.Web.Data.Attachment>().Count(a => a.MatterId == id))));
    }

    [Theory, DatabaseData]
    public async Task An_accusations_files_never_reach_the_unit_that_handles_it_nor_another_unit(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var accused = await app.UnitIdAsync(Labour);
        var accusation = await RegisterAsync(registrar.Http, Accusation(new DateOnly(2026, 5, 10), accused));
        var letter = await (await UploadAsync(registrar.Http, Id(accusation), Pdf, "举报信.pdf", "letter")).Content.ReadFromJsonAsync<JsonElement>();
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });

        Assert.Equal(0, (await street.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(accusation)}/attachments")).GetArrayLength());
        await Http.AssertProblemAsync(await street.Http.GetAsync($"/api/v1/attachments/{letter.GetProperty("id").GetGuid()}/content"), HttpStatusCode.Forbidden, "attachment.identity-withheld");
        await Http.AssertProblemAsync(await UploadAsync(street.Http, Id(accusation), Pdf, "材料.pdf"), HttpStatusCode.Forbidden, "attachment.identity-withheld");

        var other = await app.StaffAsync(OtherStreet, "handler");
        await Http.AssertProblemAsync(await other.Http.GetAsync($"/api/v1/attachments/{letter.GetProperty("id").GetGuid()}/content"), HttpStatusCode.NotFound, "attachment.not-found");
        Assert.Equal(1, (await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Id(accusation)}/attachments")).GetArrayLength());
    }

    private const int AttachmentRulesMax = 20 * 1024 * 1024;
}
