using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xinfang.Domain.Matters;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Notices;

/// <summary>Every notice opens as an official Word document: filled, valid, immutable once issued, confidential where the law says.</summary>
public sealed class NoticeDocumentTests(SharedApps apps)
{
    private static readonly object Items = new
    {
        outcome = "support", facts = "经调查核实", opinion = "责令施工单位于十五日内足额支付拖欠工资；误工损失请求不予支持。",
        items = new object[]
        {
            new { demand = "支付拖欠的工资两万元", outcome = "support", facts = "拖欠工资两万元属实", legalBasis = "《保障农民工工资支付条例》第十八条" },
            new { demand = "赔偿误工损失", outcome = "reject", facts = "未提供误工损失的证据", legalBasis = "《中华人民共和国劳动合同法》第八十五条" },
        },
    };

    /// <summary>Register, transfer, accept, extend, conclude item by item, review, recheck with a hearing: most kinds of notice on one matter.</summary>
    public static async Task<JsonElement> ThroughRecheckAsync(XinfangApp app, StaffClient registrar, StaffClient unit)
    {
        var district = await app.StaffAsync(District, "unit-head");
        var city = await app.StaffAsync(CityGovernment, "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20), b => b["demands"] = new JsonArray("支付拖欠的工资两万元", "赔偿误工损失")));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2025-09-26" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2025-09-30" });
        matter = await ActAsync(unit.Http, matter, "extend", new { days = 10, reason = "需调取施工合同和考勤记录", on = "2025-11-20" });
        matter = await ActAsync(unit.Http, matter, "conclude", Items, "2025-12-01");
        matter = await ActAsync(unit.Http, matter, "deliver", new { noticeId = Notice(matter, "handling-opinion").GetProperty("id").GetGuid(), method = "in-person", on = "2025-12-02" });
        matter = await ActAsync(registrar.Http, matter, "request-review", new { reason = "不服处理意见", on = "2025-12-10" });
        matter = await ActAsync(district.Http, matter, "conclude-review", new { decision = "uphold", opinion = "原处理意见事实清楚、依据正确", legalBasis = "《信访工作条例》第三十五条", on = "2025-12-20" });
        matter = await ActAsync(district.Http, matter, "deliver", new { noticeId = Notice(matter, "review-opinion").GetProperty("id").GetGuid(), method = "post", on = "2025-12-22" });
        matter = await ActAsync(registrar.Http, matter, "request-recheck", new { reason = "仍不服", on = "2026-01-05" });
        matter = await ActAsync(city.Http, matter, "hearing", new { from = "2026-01-12", to = "2026-01-13", on = "2026-01-09" });
        return await ActAsync(city.Http, matter, "conclude-recheck", new { decision = "uphold", opinion = "复查意见事实清楚、依据正确", legalBasis = "《信访工作条例》第三十六条", on = "2026-01-20" });
    }

    [Theory, DatabaseData]
    public async Task Every_notice_kind_downloads_as_a_valid_word_document_with_every_merge_field_filled(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var street = await app.StaffAsync(Street, "handler");

        var rechecked = await ThroughRecheckAsync(app, registrar, unit);

        var assigned = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 26)));
        assigned = await ActAsync(registrar.Http, assigned, "assign", new { unitId = street.UnitId, dueOn = "2025-10-31", on = "2025-09-28" });
        assigned = await ActAsync(street.Http, assigned, "object", new { reason = "欠薪纠纷不属街道职权", on = "2025-10-09" });
        assigned = await ActAsync(registrar.Http, assigned, "route", new { channel = "litigation", body = "阎良区人民法院", on = "2025-10-10" });

        var declined = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 10, 1)));
        declined = await ActAsync(registrar.Http, declined, "decline", new { reason = "out-of-scope", on = "2025-10-05" });

        var repeated = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 4, 1)));
        repeated = await ActAsync(registrar.Http, repeated, "decline", new { reason = "finalized", relatedMatterId = Id(rechecked), on = "2026-04-02" });

        var mediated = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 10, 10)));
        mediated = await ActAsync(registrar.Http, mediated, "transfer", new { unitId = unit.UnitId, on = "2025-10-11" });
        mediated = await ActAsync(unit.Http, mediated, "accept", new { on = "2025-10-13" });
        mediated = await ActAsync(unit.Http, mediated, "log", new { kind = "mediation", note = "组织劳资双方调解", on = "2025-10-20" });
        mediated = await ActAsync(unit.Http, mediated, "conclude", new { outcome = "mediated", facts = "双方自愿协商", opinion = "施工单位于十日内支付工资两万元，信访人不再主张其他请求。" }, "2025-10-25");

        var kinds = new HashSet<string>();
        foreach (var matter in new[] { rechecked, assigned, declined, repeated, mediated })
        {
            foreach (var notice in (await GetAsync(registrar.Http, matter)).GetProperty("notices").EnumerateArray())
            {
                var id = notice.GetProperty("id").GetGuid();
                var detail = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
                kinds.Add(detail.GetProperty("templateKey").GetString()!);
                var missing = await MissingFieldsAsync(registrar.Http, detail);
                Assert.True(missing.Count == 0, $"{detail.GetProperty("number")} ({detail.GetProperty("templateKey")}) leaves {string.Join("、", missing)} empty");

                var docx = await registrar.Http.GetAsync($"/api/v1/notices/{id}/document.docx");
                Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
                Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
                var bytes = await docx.Content.ReadAsByteArrayAsync();
                var text = AssertValid(bytes);
                Assert.Contains(detail.GetProperty("number").GetString()!, text);
                Assert.DoesNotContain("{{", text);
                Assert.Equal(detail.GetProperty("documentSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

                var print = await registrar.Http.GetStringAsync($"/api/v1/notices/{id}/print");
                Assert.Contains(detail.GetProperty("number").GetString()!, print);
                Assert.DoesNotContain("{{", print);
            }
        }

        Assert.Superset(new HashSet<string>
        {
            "receipt", "transfer-notice", "transfer-letter", "acceptance-notice", "extension-notice", "handling-opinion", "review-opinion",
            "hearing-notice", "recheck-opinion", "assignment-notice", "assignment-letter", "objection-letter", "route-notice.litigation",
            "decline-notice.out-of-scope", "no-longer-accepted-notice", "mediation-agreement",
        }, kinds);

        // The opinion answers each demand with its facts and legal basis, and names the review body and its window.
        var opinion = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{Notice(rechecked, "handling-opinion").GetProperty("id").GetGuid()}");
        var items = opinion.GetProperty("fields").GetProperty("逐项意见").GetString()!;
        Assert.Contains("（一）关于“支付拖欠的工资两万元”的诉求。经查，拖欠工资两万元属实。依据《保障农民工工资支付条例》第十八条，处理意见为：支持。", items);
        Assert.Contains("（二）关于“赔偿误工损失”的诉求", items);
        Assert.Contains("三十日内向阎良区委区政府提出复查请求", opinion.GetProperty("fields").GetProperty("救济途径").GetString());
    }

    /// <summary>
    /// Every template the product ships — also those no matter in the test above reaches (建议意见答复, 转办函, each channel
    /// of 导入法定途径告知书 and each reason of 不予受理, the 送达回执, the supervision letters) — is a valid template and,
    /// given every merge field its key declares, leaves no field open (no database: the wording alone).
    /// </summary>
    [Fact]
    public void Every_shipped_template_is_valid_and_fills_every_merge_field_it_uses()
    {
        var shipped = Xinfang.Web.Features.Notices.TemplateStore.Shipped();
        Assert.Empty(NoticeFields.TemplateKeys.Except(shipped.Keys));
        foreach (var (key, text) in shipped)
        {
            Assert.Null(NoticeTemplates.Check(key, text));
            var filled = NoticeTemplates.Fill(text, NoticeFields.For(key).ToDictionary(f => f, f => $"〈{f}〉"));
            Assert.True(filled.Missing.Count == 0, $"{key} leaves {string.Join("、", filled.Missing)} open");
            Assert.DoesNotContain("{{", string.Join("\n", [filled.Title, filled.Addressee, .. filled.Paragraphs]));
            Assert.NotEmpty(filled.Title);
            Assert.NotEmpty(filled.Paragraphs);
        }
    }

    [Theory, DatabaseData]
    public async Task An_issued_document_keeps_its_bytes_after_a_template_edit_and_its_hash_is_in_the_audit_trail(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "decline", new { reason = "other", note = "材料不全", on = "2025-09-22" });
        var id = Notice(matter, "decline-notice").GetProperty("id").GetGuid();

        var first = await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx");
        var second = await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx");
        Assert.Equal(first, second);

        var admin = await app.AdminAsync();
        var template = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notice-templates/decline-notice.other");
        var current = template.GetProperty("current");
        var edited = await admin.PutAsJsonAsync("/api/v1/notice-templates/decline-notice.other", new
        {
            title = current.GetProperty("title").GetString(), addressee = current.GetProperty("addressee").GetString(),
            body = current.GetProperty("body").GetString() + "\n如有疑问，请与本机关联系。",
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var saved = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(current.GetProperty("version").GetInt32() + 1, saved.GetProperty("current").GetProperty("version").GetInt32());
        Assert.True(saved.GetProperty("versions").GetArrayLength() >= 2); // every version is kept

        Assert.Equal(first, await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{id}/document.docx"));
        Assert.DoesNotContain("如有疑问", await registrar.Http.GetStringAsync($"/api/v1/notices/{id}/print"));

        var later = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        later = await ActAsync(registrar.Http, later, "decline", new { reason = "other", note = "材料不全", on = "2025-09-22" });
        var laterId = Notice(later, "decline-notice").GetProperty("id").GetGuid();
        Assert.Contains("如有疑问", AssertValid(await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{laterId}/document.docx")));

        var sha = (await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}")).GetProperty("documentSha256").GetString()!;
        var audited = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Where(a => a.EntityType == "NoticeDocument" && a.EntityId == id.ToString()).Select(a => a.After).Single()));
        Assert.Contains(sha, audited);
        Assert.DoesNotContain("UEsDB", audited); // the bytes themselves stay out of the trail
    }

    [Theory, DatabaseData]
    public async Task A_template_with_an_unknown_merge_field_is_refused_naming_it_and_nothing_is_saved(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notice-templates/acceptance-notice");

        var unknown = await admin.PutAsJsonAsync("/api/v1/notice-templates/acceptance-notice", new { title = "受理告知书", addressee = "{{信访人}}：", body = "您的事项已受理，承办人{{承办人电话}}。" });
        var problem = await Http.AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "template.unknown-field");
        Assert.Contains("{{承办人电话}}", problem.GetProperty("detail").GetString());

        await Http.AssertProblemAsync(await admin.PutAsJsonAsync("/api/v1/notice-templates/acceptance-notice", new { title = "受理告知书", addressee = "", body = "受理于{{发文日期" }),
            HttpStatusCode.UnprocessableEntity, "template.unbalanced-braces");
        await Http.AssertProblemAsync(await admin.PutAsJsonAsync("/api/v1/notice-templates/acceptance-notice", new { title = "", addressee = "", body = "正文" }),
            HttpStatusCode.UnprocessableEntity, "template.title-required");
        await Http.AssertProblemAsync(await admin.PutAsJsonAsync("/api/v1/notice-templates/acceptance-notice", new { title = "标题\u0007", addressee = "", body = "正文" }),
            HttpStatusCode.UnprocessableEntity, "request.invalid-characters"); // refused at the door, like any text (issue 10)
        await Http.AssertProblemAsync(await admin.PutAsJsonAsync("/api/v1/notice-templates/no-such-notice", new { title = "标题", addressee = "", body = "正文" }),
            HttpStatusCode.NotFound, "template.not-found");

        var registrar = await app.StaffAsync("610114", "registrar");
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.Http.PutAsJsonAsync("/api/v1/notice-templates/acceptance-notice", new { title = "标题", addressee = "", body = "正文" })).StatusCode);

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notice-templates/acceptance-notice");
        Assert.Equal(before.GetProperty("versions").GetArrayLength(), after.GetProperty("versions").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task The_accuser_is_never_named_to_the_unit_that_handles_an_accusation(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var accused = await app.UnitIdAsync(Labour);
        var accusation = await RegisterAsync(registrar.Http, Accusation(new DateOnly(2026, 5, 10), accused));
        accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = street.UnitId, on = "2026-05-12" });

        var toPetitioner = Notice(accusation, "transfer-notice").GetProperty("id").GetGuid();
        var toUnit = Notice(accusation, "transfer-letter").GetProperty("id").GetGuid();
        await Http.AssertProblemAsync(await street.Http.GetAsync($"/api/v1/notices/{toPetitioner}/document.docx"), HttpStatusCode.Forbidden, "notice.identity-withheld");
        await Http.AssertProblemAsync(await street.Http.GetAsync($"/api/v1/notices/{toPetitioner}/print"), HttpStatusCode.Forbidden, "notice.identity-withheld");
        await Http.AssertProblemAsync(await street.Http.GetAsync($"/api/v1/notices/{toPetitioner}"), HttpStatusCode.Forbidden, "notice.identity-withheld");

        var letter = AssertValid(await street.Http.GetByteArrayAsync($"/api/v1/notices/{toUnit}/document.docx"));
        Assert.Contains("检举控告人信息保密", letter);
        Assert.DoesNotContain("李四", letter);
        Assert.DoesNotContain("李四", await street.Http.GetStringAsync($"/api/v1/notices/{toUnit}/print"));
        Assert.Contains("李四", AssertValid(await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{toPetitioner}/document.docx")));

        // Another unit does not see the notices at all.
        var other = await app.StaffAsync(OtherStreet, "handler");
        await Http.AssertProblemAsync(await other.Http.GetAsync($"/api/v1/notices/{toUnit}/document.docx"), HttpStatusCode.NotFound, "notice.not-found");
    }

    [Theory, DatabaseData]
    public async Task Twenty_concurrent_acceptances_number_their_notices_without_gaps(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Housing, "handler");
        var matters = new List<JsonElement>();
        foreach (var _ in Enumerable.Range(0, 20))
        {
            var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 6, 1)));
            matters.Add(await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2026-06-02" }));
        }

        var accepted = await Task.WhenAll(matters.Select(m => ActAsync(unit.Http, m, "accept", new { on = "2026-06-03" })));

        var numbers = accepted.Select(m => Notice(m, "acceptance-notice").GetProperty("number").GetString()!).ToList();
        Assert.Equal(20, numbers.Distinct().Count());
        var prefix = numbers[0][..(numbers[0].IndexOf('〕') + 1)];
        var all = await app.WithDbAsync(d => Task.FromResult(d.Set<Xinfang.Domain.Matters.Notice>().Where(n => n.Number.StartsWith(prefix)).Select(n => n.Number).ToList()));
        var sequences = all.Select(n => int.Parse(n[prefix.Length..^1])).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        Assert.Equal(20, await app.WithDbAsync(d => Task.FromResult(d.Set<Xinfang.Web.Data.NoticeDocument>().Count(x => accepted.Select(m => Notice(m, "acceptance-notice").GetProperty("id").GetGuid()).Contains(x.NoticeId)))));
    }

    /// <summary>The merge fields the notice's template version uses that the notice does not carry.</summary>
    private static async Task<IReadOnlyList<string>> MissingFieldsAsync(HttpClient http, JsonElement detail)
    {
        var template = await http.GetFromJsonAsync<JsonElement>($"/api/v1/notice-templates/{detail.GetProperty("templateKey").GetString()}");
        var version = template.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == detail.GetProperty("templateVersion").GetInt32());
        var text = new NoticeTemplateText(version.GetProperty("title").GetString()!, version.GetProperty("addressee").GetString()!, version.GetProperty("body").GetString()!);
        var fields = detail.GetProperty("fields").Deserialize<Dictionary<string, string>>()!;
        return NoticeTemplates.Fill(text, fields).Missing;
    }

    /// <summary>Asserts that the file is a Word document the OpenXml validator accepts, and returns its text.</summary>
    public static string AssertValid(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
