using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Notices;

/// <summary>更正 through the API: a new numbered notice with its own final document; the corrected one keeps its bytes.</summary>
public sealed class CorrectionTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_correction_is_a_new_numbered_document_and_the_corrected_one_keeps_its_bytes(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "decline", new { reason = "other", note = "材料不全", on = "2025-09-22" });
        var original = Notice(matter, "decline-notice");
        var originalId = original.GetProperty("id").GetGuid();
        var before = await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{originalId}/document.docx");

        // Refused first, with nothing issued: no reason, a field the notice does not have.
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "reissue", new { noticeId = originalId }), HttpStatusCode.UnprocessableEntity, "notice.correction-reason-required");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "reissue", new { noticeId = originalId, reason = "错", corrections = new[] { new { field = "文号", value = "x" } } }),
            HttpStatusCode.UnprocessableEntity, "notice.field-not-correctable");
        Assert.Single((await GetAsync(registrar.Http, matter)).GetProperty("notices").EnumerateArray(), n => n.GetProperty("kind").GetString() == "decline-notice");

        matter = await ActAsync(registrar.Http, matter, "reissue", new
        {
            noticeId = originalId, reason = "不予受理理由表述有误", corrections = new[] { new { field = "不予受理理由", value = "所提材料不足以确定信访事项" } }, on = "2025-09-23",
        });

        var notices = matter.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "decline-notice").ToList();
        Assert.Equal(2, notices.Count);
        var corrected = notices.Single(n => n.GetProperty("id").GetGuid() != originalId);
        Assert.Equal(originalId, corrected.GetProperty("correctsId").GetGuid());
        Assert.Equal(corrected.GetProperty("id").GetGuid(), notices.Single(n => n.GetProperty("id").GetGuid() == originalId).GetProperty("correctedById").GetGuid());
        Assert.NotEqual(original.GetProperty("number").GetString(), corrected.GetProperty("number").GetString());

        var text = NoticeDocumentTests.AssertValid(await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{corrected.GetProperty("id").GetGuid()}/document.docx"));
        Assert.Contains($"本文书系对{original.GetProperty("number").GetString()}的更正", text);
        Assert.Contains("不予受理理由表述有误", text);
        Assert.Equal(before, await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{originalId}/document.docx"));

        var history = matter.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("reissue", history.GetProperty("action").GetString());
        Assert.Equal(originalId, history.GetProperty("data").GetProperty("correctedId").GetGuid());

        // The corrected one is superseded: corrected again or delivered, it is refused by name.
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "reissue", new { noticeId = originalId, reason = "再次" }), HttpStatusCode.Conflict, "notice.already-corrected");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "deliver", new { noticeId = originalId, method = "post" }), HttpStatusCode.Conflict, "notice.superseded");
    }
}
