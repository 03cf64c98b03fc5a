using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Supervision;

/// <summary>三项建议 (issue 13 item 3): recorded with its 建议书, answered once by the receiving unit, counted in the annual report.</summary>
public sealed class SuggestionTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_suggestion_is_sent_with_its_letter_answered_once_by_its_unit_and_counted_in_the_year(Db db)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = await apps.For(db);
        var (registrar, supervisor, unit, other) = (await app.StaffAsync("610114", "registrar"), await app.StaffAsync("610114", "supervisor"),
            await app.StaffAsync(Labour, "handler"), await app.StaffAsync("610114302", "handler"));
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 6, 1), b => b["title"] = "建议事项 " + Guid.NewGuid()));
        async Task<JsonElement> YearAsync() => (await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/annual/2026", ct)).GetProperty("suggestions");
        var before = await YearAsync();

        object Input(Action<Dictionary<string, object?>>? change = null)
        {
            var body = new Dictionary<string, object?>
            {
                ["kind"] = "improve-work", ["targetUnitId"] = unit.UnitId, ["matterIds"] = new[] { Id(matter) },
                ["content"] = "建议人社局建立欠薪线索首接负责制，对施工企业工资专户实行按月核查。", ["sentOn"] = "2026-06-15", ["feedbackDueOn"] = "2026-07-15",
            };
            change?.Invoke(body);
            return body;
        }

        // Bad input is refused by name and writes nothing; only the bureau makes suggestions.
        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/suggestions", Input(b => b["kind"] = "better"), ct), HttpStatusCode.UnprocessableEntity, "suggestion.kind-invalid");
        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/suggestions", Input(b => b["matterIds"] = Array.Empty<Guid>()), ct), HttpStatusCode.UnprocessableEntity, "suggestion.matters-required");
        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/suggestions", Input(b => b["feedbackDueOn"] = "2026-06-01"), ct), HttpStatusCode.UnprocessableEntity, "suggestion.feedback-due-early");
        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/suggestions", Input(b => b["matterIds"] = new[] { Guid.NewGuid() }), ct), HttpStatusCode.UnprocessableEntity, "suggestion.matter-not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Http.PostAsJsonAsync("/api/v1/suggestions", Input(), ct)).StatusCode);
        Assert.Equal(before.GetProperty("made").GetInt32(), (await YearAsync()).GetProperty("made").GetInt32());

        var response = await supervisor.Http.PostAsJsonAsync("/api/v1/suggestions", Input(), ct);
        await Http.EnsureAsync(response);
        var made = await ReadAsync(response);
        var id = made.GetProperty("id").GetGuid();
        Assert.Matches(@"^阎信建〔2026〕\d+号$", made.GetProperty("number").GetString());
        Assert.Equal("feedback-overdue", made.GetProperty("state").GetString()); // the application's today (11-27) is past 07-15
        Assert.Equal("改进工作", made.GetProperty("kindName").GetString());

        // The 建议书 is a notice of the matter, its document stored and served.
        var notice = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{made.GetProperty("noticeId").GetGuid()}", ct);
        Assert.Equal(Id(matter), notice.GetProperty("matterId").GetGuid());
        Assert.Contains("改进工作", notice.GetProperty("fields").GetProperty("建议类型").GetString());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync($"/api/v1/notices/{made.GetProperty("noticeId").GetGuid()}/document.docx", ct)).StatusCode);

        // The receiving unit sees it and answers once; another unit neither sees nor answers it.
        Assert.Contains((await unit.Http.GetFromJsonAsync<JsonElement>("/api/v1/suggestions", ct)).EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await other.Http.GetFromJsonAsync<JsonElement>("/api/v1/suggestions", ct)).EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        var feedback = new { adopted = true, note = "已建立首接负责制，工资专户按月核查。", on = "2026-07-10" };
        await Http.AssertProblemAsync(await other.Http.PostAsJsonAsync($"/api/v1/suggestions/{id}/feedback", feedback, ct), HttpStatusCode.Forbidden, "suggestion.other-unit");
        await Http.AssertProblemAsync(await unit.Http.PostAsJsonAsync($"/api/v1/suggestions/{id}/feedback", new { adopted = true, note = "" }, ct), HttpStatusCode.UnprocessableEntity, "suggestion.note-required");
        var answered = await ReadAsync(await unit.Http.PostAsJsonAsync($"/api/v1/suggestions/{id}/feedback", feedback, ct));
        Assert.Equal(("adopted", unit.UserName), (answered.GetProperty("state").GetString(), answered.GetProperty("feedbackBy").GetString()));
        await Http.AssertProblemAsync(await unit.Http.PostAsJsonAsync($"/api/v1/suggestions/{id}/feedback", feedback, ct), HttpStatusCode.Conflict, "suggestion.already-answered");
        await Http.AssertProblemAsync(await unit.Http.PostAsJsonAsync($"/api/v1/suggestions/{Guid.NewGuid()}/feedback", feedback, ct), HttpStatusCode.NotFound, "suggestion.not-found");

        // The annual report counts it as made and adopted.
        var after = await YearAsync();
        Assert.True(after.GetProperty("recorded").GetBoolean());
        Assert.Equal(before.GetProperty("made").GetInt32() + 1, after.GetProperty("made").GetInt32());
        Assert.Equal(before.GetProperty("adopted").GetInt32() + 1, after.GetProperty("adopted").GetInt32());
    }
}
