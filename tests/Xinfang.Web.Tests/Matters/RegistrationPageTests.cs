using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>The registrar's form at /matters/new and its receipt, over HTTP as a browser posts them.</summary>
public sealed class RegistrationPageTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task The_form_opens_for_a_registrar_with_today_and_a_fresh_idempotency_key(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");

        var first = await registrar.GetPageAsync("/matters/new");
        var second = await registrar.GetPageAsync("/matters/new");

        Assert.Contains("信访登记", first);
        Assert.Contains($"value=\"{Date(app.Today)}\"", first);
        Assert.Contains("href=\"/matters/new\"", first); // the menu entry
        Assert.NotEqual(KeyOf(first), KeyOf(second));
    }

    [Theory, DatabaseData]
    public async Task A_handler_is_sent_to_the_denied_page(Db db)
    {
        var app = await apps.For(db);
        var handler = await PageSession.StaffAsync(app, Street, "handler");

        // "/matters" (事项查询) is open to every member of staff, over their own matters (issue 14).
        foreach (var path in new[] { "/matters/new", "/matters/queue", "/admin/routing", "/admin/categories" })
        {
            var response = await handler.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/matters/new", await handler.GetPageAsync("/"));
    }

    [Theory, DatabaseData]
    public async Task An_invalid_id_number_re_renders_the_form_with_the_chinese_error_and_stores_nothing(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        var page = await registrar.GetPageAsync("/matters/new");
        var title = "校验位有误 " + Guid.NewGuid().ToString("N")[..8];
        var wrong = TestPeople.WithWrongCheck(TestPeople.IdNumber());

        var response = await registrar.PostFormAsync("/matters/new", page, Visit(KeyOf(page), title, wrong, app.Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("身份证号码校验位不正确", html);
        Assert.Contains("尚未登记", html);
        Assert.Matches("id=\"p-0-id\" name=\"Form.Petitioners\\[0\\].IdNumber\" value=\"" + wrong + "\" class=\"[^\"]*is-invalid", html);
        Assert.Contains($"value=\"{title}\"", html);                 // everything typed is still there
        Assert.Contains("包工头拖欠工资两万元，多次讨要未果。", html);
        Assert.Contains("value=\"赵六\"", html);
        Assert.Contains("checked=\"checked\" data-flag=\"FirstTime\"", html);
        Assert.Equal(KeyOf(page), KeyOf(html));
        Assert.Equal(0, await CountAsync(app, title));
    }

    [Theory, DatabaseData]
    public async Task A_future_received_date_and_a_missing_title_are_refused_field_by_field(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        var page = await registrar.GetPageAsync("/matters/new");
        var fields = Visit(KeyOf(page), "", TestPeople.IdNumber(), app.Today.AddDays(1));

        var html = await (await registrar.PostFormAsync("/matters/new", page, fields)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("晚于今天，不能登记未来的信访", html);
        Assert.Contains("请填写事项标题", html);
        Assert.Matches("id=\"title\" name=\"Form.Title\"[^>]* class=\"form-control is-invalid\"", html);
    }

    [Theory, DatabaseData]
    public async Task Posting_the_same_form_twice_registers_once_and_the_receipt_shows_the_query_code_once(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        var page = await registrar.GetPageAsync("/matters/new");
        var title = "重复提交 " + Guid.NewGuid().ToString("N")[..8];
        var fields = Visit(KeyOf(page), title, TestPeople.IdNumber(), app.Today);

        var first = await registrar.PostFormAsync("/matters/new", page, fields);
        var second = await registrar.PostFormAsync("/matters/new", page, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Matches("^/matters/[0-9a-f-]{36}/receipt$", first.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync(app, title));

        var receipt = await registrar.GetPageAsync(first.Headers.Location.OriginalString);
        var number = Regex(receipt, "id=\"receipt-number\">([^<]+)<");
        var code = Regex(receipt, "id=\"receipt-query-code\">([^<]+)<");
        Assert.StartsWith("610114-2026-", number, StringComparison.Ordinal);
        Assert.Contains("信访事项登记回执", receipt);
        Assert.Contains("第二十二条", receipt);
        var hash = await app.WithDbAsync(d => d.Matters.Where(m => m.Number == number).Select(m => m.QueryCodeHash).SingleAsync());
        Assert.Equal(QueryCode.Hash(number, code), hash);
        Assert.DoesNotContain(code, await app.WithDbAsync(d => d.Matters.Where(m => m.Number == number).Select(m => m.QueryCodeHash + m.Content).SingleAsync()));

        var reprint = await registrar.GetPageAsync(first.Headers.Location.OriginalString);
        Assert.Contains(number, reprint);
        Assert.DoesNotContain(code, reprint);
        Assert.Contains("查询码仅在登记时显示一次", reprint);
    }

    [Theory, DatabaseData]
    public async Task A_registered_form_changed_and_sent_again_is_not_registered_until_the_clerk_confirms(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        var page = await registrar.GetPageAsync("/matters/new");
        var title = "改过再提交 " + Guid.NewGuid().ToString("N")[..8];
        var fields = Visit(KeyOf(page), title, TestPeople.IdNumber(), app.Today);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.PostFormAsync("/matters/new", page, fields)).StatusCode);

        var changed = fields.Select(f => f.Name == "Form.Title" ? (f.Name, title + " 补充") : f).ToList();
        var refused = await registrar.PostFormAsync("/matters/new", page, changed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("这份表单已经登记过一次", html);
        Assert.Equal(0, await CountAsync(app, title + " 补充"));
        var confirmed = changed.Select(f => f.Name == "Form.IdempotencyKey" ? (f.Name, KeyOf(html)) : f).ToList();
        Assert.NotEqual(KeyOf(page), KeyOf(html));
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.PostFormAsync("/matters/new", html, confirmed)).StatusCode);
        Assert.Equal(1, await CountAsync(app, title + " 补充"));
    }

    [Theory, DatabaseData]
    public async Task The_same_person_panel_lists_earlier_matters_and_a_repeat_can_be_marked(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114", "registrar");
        var registrar = await PageSession.LoginAsync(app, staff.UserName, PageSession.StaffPassword);
        var id = TestPeople.IdNumber();
        var phone = TestPeople.Mobile();
        var prior = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 9, 1), b =>
        {
            b["petitioners"]![0]!["idNumber"] = id;
            b["petitioners"]![0]!["phone"] = phone;
            b["title"] = "以前反映的欠薪问题";
        }));
        var page = await registrar.GetPageAsync("/matters/new");

        var byId = await registrar.PostFormAsync("/matters/new?handler=SamePerson", page, ("Form.Petitioners[0].IdNumber", id));
        var byPhone = await registrar.PostFormAsync("/matters/new?handler=SamePerson", page, ("Form.Petitioners[0].Phone", phone[..3] + " " + phone[3..]));
        var stranger = await registrar.PostFormAsync("/matters/new?handler=SamePerson", page, ("Form.Petitioners[0].IdNumber", TestPeople.IdNumber()));

        var panel = await byId.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(prior.GetProperty("number").GetString()!, panel);
        Assert.Contains("以前反映的欠薪问题", panel);
        Assert.Contains("身份证号相同", panel);
        Assert.Contains(Mask.IdNumber(id), panel);
        Assert.DoesNotContain(id, panel);
        Assert.Contains("电话相同", await byPhone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("未查到此人以前的信访事项", await stranger.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var fields = Visit(KeyOf(page), "再次反映欠薪 " + Guid.NewGuid().ToString("N")[..6], id, app.Today).Append(("Form.RepeatOf", Id(prior).ToString())).ToList();
        var registered = await registrar.PostFormAsync("/matters/new", page, fields);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var matterId = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[2]);
        var view = await staff.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters/{matterId}", TestContext.Current.CancellationToken);
        Assert.Equal(Id(prior), view.GetProperty("repeatOf").GetGuid());
    }

    [Theory, DatabaseData]
    public async Task The_superior_and_accused_fields_count_only_for_their_channel_and_purpose(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114", "registrar");
        var registrar = await PageSession.LoginAsync(app, staff.UserName, PageSession.StaffPassword);
        var page = await registrar.GetPageAsync("/matters/new");
        var accusation = Visit(KeyOf(page), "检举 " + Guid.NewGuid().ToString("N")[..6], TestPeople.IdNumber(), app.Today)
            .Select(f => f.Name switch
            {
                "Form.Channel" => (f.Name, "Superior"),
                "Form.Purpose" => (f.Name, "Accusation"),
                _ => f,
            })
            .Concat([("Form.Superior.Number", "市信访局交办〔2026〕88号"), ("Form.Superior.DueOn", "20261220"),
                     ("Form.Accused.Name", "某村主任"), ("Form.Accused.Unit", "某村委会"), ("Form.Accused.Position", "主任")])
            .ToList();
        var claim = Visit(KeyOf(await registrar.GetPageAsync("/matters/new")), "求决 " + Guid.NewGuid().ToString("N")[..6], TestPeople.IdNumber(), app.Today)
            .Concat([("Form.Superior.Number", "不应保存"), ("Form.Accused.Name", "不应保存")]).ToList();

        var first = await registrar.PostFormAsync("/matters/new", page, accusation);
        var second = await registrar.PostFormAsync("/matters/new", page, claim);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var accused = await staff.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters/{first.Headers.Location!.OriginalString.Split('/')[2]}",
            TestContext.Current.CancellationToken);
        Assert.Equal("市信访局交办〔2026〕88号", accused.GetProperty("superior").GetProperty("number").GetString());
        Assert.Equal("2026-12-20", accused.GetProperty("superior").GetProperty("dueOn").GetString());
        Assert.Equal("某村主任", accused.GetProperty("accused").GetProperty("name").GetString());
        var plain = await staff.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters/{second.Headers.Location!.OriginalString.Split('/')[2]}",
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain.GetProperty("superior").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain.GetProperty("accused").ValueKind);
    }

    [Theory, DatabaseData]
    public async Task Six_representatives_are_refused_citing_article_twenty(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");
        var page = await registrar.GetPageAsync("/matters/new");
        var title = "六名代表 " + Guid.NewGuid().ToString("N")[..8];
        var fields = Visit(KeyOf(page), title, TestPeople.IdNumber(), app.Today).Where(f => f.Name != "Form.Headcount").ToList();
        fields.Add(("Form.Headcount", "40"));
        for (var i = 0; i < 6; i++)
        {
            fields.Add(($"Form.Petitioners[{i}].IsRepresentative", "true"));
            if (i > 0)
            {
                fields.Add(($"Form.Petitioners[{i}].Name", $"代表{i}"));
            }
        }

        var html = await (await registrar.PostFormAsync("/matters/new", page, fields)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("集体访推选的代表不得超过 5 人（《信访工作条例》第二十条），现为 6 人", html);
        Assert.Contains("value=\"代表5\"", html);
        Assert.Equal(0, await CountAsync(app, title));
    }

    [Theory, DatabaseData]
    public async Task The_category_search_reads_the_active_taxonomy(Db db)
    {
        var app = await apps.For(db);
        var registrar = await PageSession.StaffAsync(app, "610114", "registrar");

        var json = await registrar.GetPageAsync("/matters/new?handler=Categories");

        Assert.Contains("\"code\":\"labour.wages\"", json);
        Assert.Contains("\"label\":\"劳动和社会保障 › 欠薪\"", json);
    }

    /// <summary>A visit by one petitioner, as the form posts it.</summary>
    private static List<(string Name, string Value)> Visit(string key, string title, string idNumber, DateOnly receivedOn) =>
    [
        ("Form.IdempotencyKey", key),
        ("Form.Channel", "Visit"),
        ("Form.ReceivedOn", Date(receivedOn)),
        ("Form.Petitioners[0].Name", "赵六"),
        ("Form.Petitioners[0].IdNumber", idNumber),
        ("Form.Petitioners[0].Phone", TestPeople.Mobile()),
        ("Form.Petitioners[0].Address", "阎良区凤凰路 8 号"),
        ("Form.Headcount", "1"),
        ("Form.Purpose", "Claim"),
        ("Form.CategoryCode", "labour.wages"),
        ("Form.Title", title),
        ("Form.Content", "本人在工地务工，包工头拖欠工资两万元，多次讨要未果。"),
        ("Form.Demands", "支付拖欠的工资\n出具欠条"),
        ("Form.Flags", "FirstTime"),
    ];

    private static string KeyOf(string html) => Regex(html, "name=\"Form.IdempotencyKey\" value=\"([^\"]+)\"");

    private static string Regex(string html, string pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, pattern);
        Assert.True(match.Success, $"Not found: {pattern}");
        return match.Groups[1].Value;
    }

    private static Task<int> CountAsync(XinfangApp app, string title) => app.WithDbAsync(d => d.Matters.CountAsync(m => m.Title == title));
}
