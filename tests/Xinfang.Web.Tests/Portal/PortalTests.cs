using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;
using static Xinfang.Web.Tests.Portal.PortalApi;

namespace Xinfang.Web.Tests.Portal;

/// <summary>
/// The public portal's API (API.md "Public portal"): online submission through the staff registration, progress by
/// number and query code, equal answers for a wrong code and an unknown number, lockouts, evaluation, review requests.
/// </summary>
public sealed class PortalTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task An_online_petition_is_registered_at_once_as_an_online_matter_in_the_registrars_queue_and_a_retry_registers_nothing(Db db)
    {
        var app = await apps.For(db);
        var citizen = app.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Post, Petitions) { Content = JsonContent.Create(Petition()) };
        request.Headers.Add("Idempotency-Key", "portal-" + Guid.NewGuid().ToString("N"));
        var key = request.Headers.GetValues("Idempotency-Key").Single();

        var response = await citizen.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await ReadAsync(response);
        var number = receipt.GetProperty("number").GetString()!;
        Assert.Matches("^[34679ACDEFGHJKMNPQRTUVWXY]{10}$", receipt.GetProperty("queryCode").GetString()!);

        var again = new HttpRequestMessage(HttpMethod.Post, Petitions) { Content = JsonContent.Create(Petition()) };
        again.Headers.Add("Idempotency-Key", key);
        var replay = await ReadAsync(await citizen.SendAsync(again));
        Assert.Equal(Text(receipt), Text(replay));

        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await MatterAsync(registrar.Http, number);
        Assert.Equal(("online", "registered", app.Today.ToString("yyyy-MM-dd")),
            (matter.GetProperty("channel").GetString(), Status(matter), matter.GetProperty("receivedOn").GetString()));
        Assert.Contains("receipt", NoticeKinds(matter));
        async Task<bool> InAsync(string spam) => (await registrar.Http.GetFromJsonAsync<JsonElement>(
                $"/api/v1/matters?status=registered&channel=online&spam={spam}&q={Uri.EscapeDataString(number)}"))
            .GetProperty("items").EnumerateArray().Any(m => m.GetProperty("number").GetString() == number);
        Assert.True(await InAsync("false"));

        // 垃圾信息: the registrar sets it aside with a reason; it leaves the queue, is kept, and only a supervisor reinstates it.
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "mark-spam", new { reason = " " }), HttpStatusCode.UnprocessableEntity, "matter.reason-required");
        var marked = await ActAsync(registrar.Http, matter, "mark-spam", new { reason = "广告推销，无信访内容" });
        Assert.Equal("广告推销，无信访内容", marked.GetProperty("spam").GetProperty("reason").GetString());
        Assert.Equal((false, true), (await InAsync("false"), await InAsync("true")));
        Assert.DoesNotContain("transfer", Allowed(marked));
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, marked, "transfer", new { unitId = await app.UnitIdAsync(Labour) }), HttpStatusCode.Conflict, "matter.marked-spam");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, marked, "unmark-spam", new { reason = "误标" }), HttpStatusCode.Forbidden, "matter.forbidden");
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.EntityId == Id(matter).ToString() && a.After!.Contains("广告推销"))));
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var reinstated = await ActAsync(supervisor.Http, marked, "unmark-spam", new { reason = "内容为拖欠工资求决，误标" });
        Assert.Equal(JsonValueKind.Null, reinstated.GetProperty("spam").ValueKind);
        Assert.Equal((true, false), (await InAsync("false"), await InAsync("true")));
        var timeline = (await ReadAsync(await QueryAsync(citizen, number, receipt.GetProperty("queryCode").GetString()!))).GetProperty("timeline");
        Assert.Equal("信访部门复核后恢复处置", timeline.EnumerateArray().Last().GetProperty("step").GetString());
    }

    [Theory, DatabaseData]
    public async Task The_form_answers_an_empty_submission_with_every_error_at_once_refuses_a_bad_file_and_keeps_good_files_with_the_matter(Db db)
    {
        var app = await apps.For(db);
        var session = new PageSession(app.Browser());
        var title = "网上附件测试" + Guid.NewGuid().ToString("N")[..8];
        var page = await session.GetPageAsync("/portal/submit");
        Assert.Contains("enctype=\"multipart/form-data\"", page);

        var empty = await session.Client.PostAsync("/portal/submit", Form(page, []));
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        foreach (var field in new[] { "consent", "phone", "name", "title", "content" })
        {
            Assert.Contains($"id=\"{field}-error\"", errors);
        }

        var filled = new[] { ("Form.Name", "赵六"), ("Form.Phone", "13700002222"), ("Form.Purpose", "Claim"), ("Form.Title", title),
            ("Form.Content", "小区电梯停运两个月无人维修。"), ("Form.Demands", "尽快修复电梯"), ("Form.Consent", "true") };
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var refused = await session.Client.PostAsync("/portal/submit", Form(page, filled, ("现场照片.png", png), ("证明.pdf", "这不是PDF"u8.ToArray())));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("附件“证明.pdf”：只能上传", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(d => d.Matters.CountAsync(m => m.Title == title)));

        var sent = await session.Client.PostAsync("/portal/submit", Form(page, filled, ("现场照片.png", png), ("证明.pdf", "%PDF-1.4 证明"u8.ToArray())));
        Assert.Equal(("/portal/done", 1), (sent.Headers.Location?.OriginalString, await app.WithDbAsync(d => d.Matters.CountAsync(m => m.Title == title))));
        var id = await app.WithDbAsync(d => d.Matters.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());
        var registrar = await app.StaffAsync("610114", "registrar");
        var files = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}/attachments");
        Assert.Equal([("现场照片.png", "photo", "image/png", "portal"), ("证明.pdf", "letter", "application/pdf", "portal")],
            files.EnumerateArray().Select(f => (f.GetProperty("fileName").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("contentType").GetString(),
                f.GetProperty("uploadedBy").GetString())).OrderBy(f => f.Item1, StringComparer.Ordinal));
    }

    /// <summary>The submission form as a browser posts it: multipart, with the page's anti-forgery token and the chosen files.</summary>
    private static MultipartFormDataContent Form(string page, IEnumerable<(string Name, string Value)> fields, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(Http.AntiforgeryTokenOf(page)), Http.AntiforgeryField } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "Attachments", name);
        }

        return form;
    }

    [Theory, DatabaseData]
    public async Task A_petition_without_consent_or_with_bad_fields_is_refused_in_Chinese_and_nothing_is_registered(Db db)
    {
        var app = await apps.For(db);
        var citizen = app.Anonymous();
        // The shared app serves other tests at the same time: count by a title of this test's own, not every matter.
        var title = "网上信访测试" + Guid.NewGuid().ToString("N")[..8];

        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync(Petitions, Petition(b => { b["title"] = title; b["consent"] = false; })),
            HttpStatusCode.UnprocessableEntity, "portal.consent-required");
        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync(Petitions, Petition(b => { b["title"] = title; b["petitioners"]![0]!["phone"] = null; })),
            HttpStatusCode.UnprocessableEntity, "portal.phone-required");
        var bad = await Http.AssertProblemAsync(await citizen.PostAsJsonAsync(Petitions, Petition(b => { b["title"] = ""; b["content"] = new string('字', 10_001); })),
            HttpStatusCode.UnprocessableEntity, "matter.title-required");
        Assert.True(bad.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("content", out _));
        // What only staff decide is not taken from the public: a channel or flag in the body changes nothing.
        var (number, _) = await SubmitAsync(citizen, Petition(b => { b["title"] = title; b["channel"] = "superior"; b["flags"] = new JsonArray("urgent"); }));

        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await MatterAsync(registrar.Http, number);
        Assert.Equal("online", matter.GetProperty("channel").GetString());
        Assert.Equal(1, await app.WithDbAsync(d => d.Matters.CountAsync(m => m.Title == title)));
        var tooBig = await citizen.PostAsync(Petitions, new StringContent(new string(' ', 100_000), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task The_petitioner_sees_their_progress_in_plain_words_without_staff_names_and_a_wrong_code_answers_as_an_unknown_number(Db db)
    {
        var app = await apps.For(db);
        var citizen = app.Anonymous();
        var (number, code) = await SubmitAsync(citizen);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await MatterAsync(registrar.Http, number);
        await ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour), note = "请人社局核实处理" });

        var progress = await ReadAsync(await QueryAsync(citizen, number, code.ToLowerInvariant()));
        Assert.Equal(("transferred", "已转送有权处理的单位，等待受理"), (progress.GetProperty("status").GetString(), progress.GetProperty("statusLabel").GetString()));
        Assert.Equal("阎良区人力资源和社会保障局", progress.GetProperty("currentUnit").GetString());
        Assert.Equal(["信访部门登记了您的信访事项", "转送有权处理的单位"],
            progress.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Contains(progress.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("name").GetString() == "受理告知期限");
        var text = Text(progress);
        Assert.DoesNotContain(registrar.UserName, text);
        Assert.DoesNotContain("请人社局核实处理", text);
        Assert.DoesNotContain("610114198005170011", text);

        var wrong = await QueryAsync(citizen, number, "AAAAAAAAAA");
        var unknown = await QueryAsync(citizen, "610114-2026-999999", code);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal(await WithoutTraceAsync(wrong), await WithoutTraceAsync(unknown));
        await Http.AssertProblemAsync(await QueryAsync(citizen, number, ""), HttpStatusCode.NotFound, "portal.not-found");

        var audited = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "portal-query-failed" && a.Note!.Contains(number)));
        Assert.Equal(2, audited);
    }

    /// <summary>The answer as the petitioner reads it: everything but the trace id each response carries for the logs.</summary>
    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body.Remove("traceId"));
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {body.ToJsonString()}";
    }

    [Theory, DatabaseData]
    public async Task After_five_wrong_codes_the_number_is_locked_even_for_the_right_code_and_an_unknown_number_locks_alike(Db db)
    {
        var app = await apps.For(db);
        var citizen = app.Anonymous();
        var (number, code) = await SubmitAsync(citizen);

        async Task<(HttpStatusCode, string?)> TryAsync(string n, string c)
        {
            var response = await QueryAsync(citizen, n, c);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (response.StatusCode, body.TryGetProperty("code", out var problem) ? problem.GetString() : null);
        }

        var ghost = $"610114-2026-{Random.Shared.Next(900_000, 999_999)}";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal((HttpStatusCode.NotFound, "portal.not-found"), await TryAsync(number, $"WRONG{i}WRONG"));
            Assert.Equal((HttpStatusCode.NotFound, "portal.not-found"), await TryAsync(ghost, $"WRONG{i}WRONG"));
        }

        Assert.Equal((HttpStatusCode.TooManyRequests, "portal.too-many-attempts"), await TryAsync(number, code));
        Assert.Equal((HttpStatusCode.TooManyRequests, "portal.too-many-attempts"), await TryAsync(ghost, code));
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "portal-query-locked" && (a.Note!.Contains(number) || a.Note!.Contains(ghost)))));

        // Another matter of the same address is not affected by the number's lockout.
        var (other, otherCode) = await SubmitAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, (await QueryAsync(citizen, other, otherCode)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task An_address_is_locked_after_its_failures_and_its_submissions_are_limited(Db db)
    {
        await using var app = await XinfangApp.StartWithAsync(db, new Dictionary<string, string>
        {
            ["Portal:MaxFailuresPerAddress"] = "3",
            ["Portal:SubmissionsPerHour"] = "2",
        });
        var citizen = app.Anonymous();
        var (number, code) = await SubmitAsync(citizen);
        await SubmitAsync(citizen);
        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync(Petitions, Petition()), HttpStatusCode.TooManyRequests, "portal.too-many-submissions");

        for (var i = 0; i < 3; i++)
        {
            await Http.AssertProblemAsync(await QueryAsync(citizen, $"610114-2026-90000{i}", "AAAAAAAAAA"), HttpStatusCode.NotFound, "portal.not-found");
        }

        await Http.AssertProblemAsync(await QueryAsync(citizen, number, code), HttpStatusCode.TooManyRequests, "portal.too-many-attempts");
    }

    [Theory, DatabaseData]
    public async Task A_concluded_matter_is_rated_bureau_and_unit_separately_and_dissatisfied_puts_a_return_visit_on_the_units_desk(Db db)
    {
        var app = await apps.For(db);
        var citizen = app.Anonymous();
        var (number, code) = await SubmitAsync(citizen);
        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync($"{Petitions}/{number}/evaluations", new { queryCode = code, target = "unit", rating = "satisfied" }),
            HttpStatusCode.Conflict, "matter.action-not-allowed");
        var (_, _, unit) = await ConcludedAsync(app, number);

        var progress = await ReadAsync(await QueryAsync(citizen, number, code));
        Assert.Contains(progress.GetProperty("nextSteps").EnumerateArray(), s => s.GetProperty("action").GetString() == "evaluate");
        Assert.Contains(progress.GetProperty("notices").EnumerateArray(), n => n.GetProperty("kind").GetString() == "信访处理意见书");
        var opinion = progress.GetProperty("notices").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "信访处理意见书").GetProperty("id").GetGuid();
        var docx = await citizen.GetAsync($"{Petitions}/{number}/notices/{opinion}?queryCode={code}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"{Petitions}/{number}/notices/{opinion}?queryCode=AAAAAAAAAA")).StatusCode);

        var rated = await citizen.PostAsJsonAsync($"{Petitions}/{number}/evaluations", new { queryCode = code, target = "bureau", rating = "satisfied" });
        await Http.EnsureAsync(rated);
        rated = await citizen.PostAsJsonAsync($"{Petitions}/{number}/evaluations", new { queryCode = code, target = "unit", rating = "dissatisfied", comment = "工资至今未到账" });
        var after = await ReadAsync(rated);
        Assert.Equal(["满意", "不满意"], after.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("rating").GetString()));
        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync($"{Petitions}/{number}/evaluations", new { queryCode = code, target = "unit", rating = "satisfied" }),
            HttpStatusCode.Conflict, "matter.already-evaluated");
        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync($"{Petitions}/{number}/evaluations", new { queryCode = "AAAAAAAAAA", target = "unit", rating = "satisfied" }),
            HttpStatusCode.NotFound, "portal.not-found");

        var visits = await unit.Http.GetFromJsonAsync<JsonElement>("/api/v1/return-visits");
        var visit = visits.EnumerateArray().Single(v => v.GetProperty("matterNumber").GetString() == number);
        Assert.Equal(("unit", "实体处理不到位", app.Today.AddDays(15).ToString("yyyy-MM-dd")),
            (visit.GetProperty("target").GetString(), visit.GetProperty("problemType").GetString(), visit.GetProperty("dueOn").GetString()));
        var id = visit.GetProperty("id").GetGuid();
        var other = await app.StaffAsync(Housing, "handler");
        await Http.AssertProblemAsync(await other.Http.PostAsJsonAsync($"/api/v1/return-visits/{id}/done", new { note = "已回访" }), HttpStatusCode.NotFound, "return-visit.not-found");
        await Http.AssertProblemAsync(await unit.Http.PostAsJsonAsync($"/api/v1/return-visits/{id}/done", new { note = " " }), HttpStatusCode.UnprocessableEntity, "return-visit.note-required");
        await Http.EnsureAsync(await unit.Http.PostAsJsonAsync($"/api/v1/return-visits/{id}/done", new { note = "电话回访，已督促用工单位三日内付清" }));
        Assert.DoesNotContain((await unit.Http.GetFromJsonAsync<JsonElement>("/api/v1/return-visits")).EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
    }

    [Theory, DatabaseData]
    public async Task A_review_is_requested_online_within_the_window_and_a_late_request_gets_the_refusal_notice(Db db)
    {
        // An evaluation window shorter than the 30-day review window, so the statistics show which of the two they count.
        await using var app = await XinfangApp.StartWithAsync(db, new Dictionary<string, string> { ["Portal:EvaluationDays"] = "15" });
        var citizen = app.Anonymous();
        var (number, code) = await SubmitAsync(citizen);
        var (_, registrar, _) = await ConcludedAsync(app, number);

        await Http.AssertProblemAsync(await citizen.PostAsJsonAsync($"{Petitions}/{number}/review-requests", new { queryCode = code, reason = " " }),
            HttpStatusCode.UnprocessableEntity, "portal.reason-required");
        var (late, lateCode) = await SubmitAsync(citizen);
        var (lateMatter, _, _) = await ConcludedAsync(app, late);
        // A rating given by phone, recorded by the registrar: marked as made on the petitioner's behalf.
        await ActAsync(registrar.Http, lateMatter, "evaluate", new { target = "bureau", rating = "basically-satisfied", comment = "电话回访" });

        var response = await citizen.PostAsJsonAsync($"{Petitions}/{number}/review-requests", new { queryCode = code, reason = "工资标准认定有误" });
        await Http.EnsureAsync(response);
        var requested = await ReadAsync(response);
        Assert.Equal("under-review", requested.GetProperty("status").GetString());
        Assert.Equal("阎良区委区政府", requested.GetProperty("currentUnit").GetString());

        app.Clock.Advance(TimeSpan.FromDays(40));
        var refused = await Http.AssertProblemAsync(await citizen.PostAsJsonAsync($"{Petitions}/{late}/review-requests", new { queryCode = lateCode, reason = "不服" }),
            HttpStatusCode.UnprocessableEntity, "matter.deadline-passed");
        Assert.Contains("不予受理", refused.GetProperty("detail").GetString());
        var progress = await ReadAsync(await QueryAsync(citizen, late, lateCode));
        Assert.Contains(progress.GetProperty("notices").EnumerateArray(), n => n.GetProperty("kind").GetString() == "不予受理告知书");
        Assert.Equal("逾期请求不予受理，已出具告知书", progress.GetProperty("timeline").EnumerateArray().Last().GetProperty("step").GetString());
        Assert.Equal(["已评价", "超期未评价"], progress.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("state").GetString()));

        // Staff see the same: the state per body, the rating recorded on the petitioner's behalf, and the KPIs count 超期未评价.
        registrar = await app.StaffAsync("610114", "registrar"); // 40 days on, the first one's sign-in has expired
        var staffView = await GetAsync(registrar.Http, lateMatter);
        Assert.Equal([("bureau", "evaluated"), ("unit", "overdue")], staffView.GetProperty("evaluationStates").EnumerateArray()
            .Select(s => (s.GetProperty("target").GetString(), s.GetProperty("state").GetString())));
        Assert.True(staffView.GetProperty("evaluations")[0].GetProperty("onBehalf").GetBoolean());
        var html = await (await PageSession.LoginAsync(app, registrar.UserName, PageSession.StaffPassword)).GetPageAsync($"/matters/{Id(lateMatter)}");
        Assert.Contains("超期未评价", html);
        Assert.Contains("工作人员代为录入", html);
        var from = app.Today.AddDays(-45).ToString("yyyy-MM-dd");
        var summary = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/summary?from={from}&to={app.Today:yyyy-MM-dd}");
        var unitCounts = summary.GetProperty("evaluations").GetProperty("unit");
        Assert.Equal((0, 2), (unitCounts.GetProperty("evaluated").GetInt32(), unitCounts.GetProperty("expired").GetInt32()));
        var bureauCounts = summary.GetProperty("evaluations").GetProperty("bureau");
        Assert.Equal((1, 1), (bureauCounts.GetProperty("evaluated").GetInt32(), bureauCounts.GetProperty("expired").GetInt32()));
        // The windows closed 15 days after delivery, about 25 days ago: a period of the last 20 days holds none of them
        // (the review windows, closed about 10 days ago, do not count here).
        var recent = await registrar.Http.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/summary?from={app.Today.AddDays(-20):yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}");
        var recentUnit = recent.GetProperty("evaluations").GetProperty("unit");
        Assert.Equal((0, 0), (recentUnit.GetProperty("evaluated").GetInt32(), recentUnit.GetProperty("expired").GetInt32()));
    }
}
