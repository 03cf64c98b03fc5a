using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Domain.Deadlines;
using Xinfang.Web.Features.Supervision;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Supervision;

/// <summary>The daily supervision sweep (issue 13, item 1): replayed day by day, repeated, and run by two servers at once.</summary>
public sealed class SweepTests(SharedApps apps)
{
    private static readonly DateOnly First = new(2025, 9, 1);
    private static readonly DateOnly Last = new(2025, 11, 30);

    private sealed record Plan(int Index, DateOnly ReceivedOn, DateOnly? TransferOn, DateOnly? AcceptOn, DateOnly? ConcludeOn);

    /// <summary>Sixteen matters received over six weeks; some never disposed, accepted or concluded, others late or on time.</summary>
    private static List<Plan> Plans()
    {
        var random = new Random(13);
        return Enumerable.Range(0, 16).Select(i =>
        {
            var received = First.AddDays(i * 3);
            DateOnly? transfer = i % 6 == 0 ? null : received.AddDays(random.Next(0, 26));
            DateOnly? accept = transfer is { } t && i % 5 != 0 ? t.AddDays(random.Next(0, 21)) : null;
            DateOnly? conclude = accept is { } a && i % 4 != 0 ? a.AddDays(random.Next(20, 76)) : null;
            return new Plan(i, received, transfer, accept, conclude);
        }).ToList();
    }

    private static object Opinion => new
    {
        outcome = "explain",
        facts = "经核实，工程款已结清，工资由施工单位另行支付。",
        legalBasis = "《保障农民工工资支付条例》第十八条",
        opinion = "向信访人解释说明有关政策。",
        standards = new[] { new { standard = "problem-solved", evidence = "已当面解释" } },
    };

    [Theory, DatabaseData]
    public async Task A_replayed_quarter_swept_every_day_issues_the_letters_an_independent_count_expects(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var plans = Plans();
        var matters = new Dictionary<int, JsonElement>();
        var issued = (Reminders: 0, Supervisions: 0, Listed: 0);

        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var on = Date(day);
            foreach (var plan in plans)
            {
                if (plan.ReceivedOn == day)
                {
                    matters[plan.Index] = await RegisterAsync(registrar.Http, Letter(day, b => b["title"] = $"讨要拖欠工资（第{plan.Index}件）"));
                }

                if (plan.TransferOn == day)
                {
                    matters[plan.Index] = await ActAsync(registrar.Http, matters[plan.Index], "transfer", new { unitId = unit.UnitId, on });
                }

                if (plan.AcceptOn == day)
                {
                    matters[plan.Index] = await ActAsync(unit.Http, matters[plan.Index], "accept", new { on });
                }

                if (plan.ConcludeOn == day)
                {
                    matters[plan.Index] = await ActAsync(unit.Http, matters[plan.Index], "conclude", Opinion, on);
                }
            }

            var result = await SweepAsync(supervisor.Http, day);
            issued = (issued.Reminders + result.GetProperty("reminders").GetInt32(), issued.Supervisions + result.GetProperty("supervisions").GetInt32(),
                issued.Listed + result.GetProperty("listed").GetInt32());
        }

        // The count made here from the clocks as they ended up, with a calendar walk of its own.
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var digestExpected = new Dictionary<string, int>(StringComparer.Ordinal); // the labour bureau's digest as of the last day, counted here
        foreach (var (index, stored) in matters)
        {
            var matter = await GetAsync(supervisor.Http, stored);
            foreach (var clock in matter.GetProperty("deadlines").EnumerateArray())
            {
                var code = clock.GetProperty("code").GetString()!;
                if (!clock.GetProperty("isDuty").GetBoolean() || code is "review-request" or "recheck-request" or "objection")
                {
                    continue;
                }

                var start = DateOnly.Parse(clock.GetProperty("startOn").GetString()!);
                var due = DateOnly.Parse(clock.GetProperty("due").GetString()!);
                var closed = clock.GetProperty("closedOn").ValueKind == JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(clock.GetProperty("closedOn").GetString()!);
                if (closed is null && code != "dispose" && (due < Last || ExpectedLetter(due, Last) == "reminder-0"))
                {
                    var key = $"{(due < Last ? "overdue" : "due")}-{(code == "acceptance-notice" ? "not-accepted" : "not-concluded")}";
                    digestExpected[key] = digestExpected.GetValueOrDefault(key) + 1;
                }

                for (var day = start; day <= Last && (closed is null || day < closed); day = day.AddDays(1))
                {
                    if (ExpectedLetter(due, day) is { } letter)
                    {
                        expected.Add($"{Id(matter)}/{code}/{letter}");
                    }
                }
            }
        }

        var letters = await LettersAsync(supervisor.Http);
        var actual = letters.Select(l => $"{l.GetProperty("matterId").GetGuid()}/{l.GetProperty("clock").GetString()}/{l.GetProperty("kind").GetString()}-{l.GetProperty("level").GetInt32()}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Equal(letters.Count, actual.Count);
        Assert.Equal(expected.Count(e => e.EndsWith("reminder-0", StringComparison.Ordinal)), issued.Reminders);
        Assert.Equal(expected.Count(e => !e.EndsWith("reminder-0", StringComparison.Ordinal)), issued.Supervisions);
        Assert.Equal(expected.Count(e => e.EndsWith("supervision-2", StringComparison.Ordinal)), issued.Listed);
        Assert.True(issued.Reminders > 5 && issued.Supervisions > 5 && issued.Listed > 2, $"the replay should exercise every kind: {issued}");

        // Swept again, the last day issues nothing, and every letter is a notice of its matter with a stored document.
        var again = await SweepAsync(supervisor.Http, Last);
        Assert.Equal(0, again.GetProperty("reminders").GetInt32() + again.GetProperty("supervisions").GetInt32());
        var sample = letters.First(l => l.GetProperty("level").GetInt32() == 2);
        Assert.StartsWith("阎信督挂〔2025〕", sample.GetProperty("number").GetString());
        var docx = await supervisor.Http.GetAsync($"/api/v1/notices/{sample.GetProperty("id").GetGuid()}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        // The leaders' view (item 6): 挂牌督办 and each unit's overdue count are the open 督办函's own, counted here from the register.
        var open = letters.Where(l => l.GetProperty("open").GetBoolean() && l.GetProperty("kind").GetString() == "supervision").ToList();
        var listed = open.Where(l => l.GetProperty("level").GetInt32() == 2).Select(l => l.GetProperty("matterId").GetGuid()).ToHashSet();
        var overview = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/v1/supervision/overview");
        Assert.Equal(listed.Order(), overview.GetProperty("listed").EnumerateArray().Select(l => l.GetProperty("matterId").GetGuid()).Order());
        var units = overview.GetProperty("units").EnumerateArray().ToList();
        foreach (var byUnit in open.GroupBy(l => l.GetProperty("unitId").GetGuid()))
        {
            var row = units.Single(u => u.GetProperty("unitId").GetGuid() == byUnit.Key);
            Assert.Equal(byUnit.Select(l => l.GetProperty("matterId").GetGuid()).Distinct().Count(), row.GetProperty("overdue").GetInt32());
            Assert.Equal(byUnit.Where(l => l.GetProperty("level").GetInt32() == 2).Select(l => l.GetProperty("matterId").GetGuid()).Distinct().Count(), row.GetProperty("listed").GetInt32());
        }

        Assert.Equal(1, units[0].GetProperty("rank").GetInt32());
        Assert.True(units.Zip(units.Skip(1)).All(p => p.First.GetProperty("overdue").GetInt32() >= p.Second.GetProperty("overdue").GetInt32()));

        // A leader put in charge of a listed matter sees that package as 挂牌督办中, and only what is packaged to them.
        var leader = await app.StaffAsync("610114000", "leader");
        var packaged = listed.First();
        await Http.EnsureAsync(await registrar.Http.PostAsJsonAsync($"/api/v1/matters/{packaged}/packages", new { leaderUserId = leader.UserId, plan = "约见信访人，督促人社局限期办结" }));
        var mine = await leader.Http.GetFromJsonAsync<JsonElement>("/api/v1/supervision/overview");
        Assert.Equal([packaged], mine.GetProperty("listed").EnumerateArray().Select(l => l.GetProperty("matterId").GetGuid()));
        var package = Assert.Single(Assert.Single(mine.GetProperty("leaders").EnumerateArray()).GetProperty("packages").EnumerateArray());
        Assert.Equal("listed", package.GetProperty("state").GetString());
        Assert.Equal(1, Assert.Single(mine.GetProperty("units").EnumerateArray()).GetProperty("overdue").GetInt32());
        var all = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/v1/supervision/overview");
        Assert.Contains(all.GetProperty("leaders").EnumerateArray(), l => l.GetProperty("leaderUserId").GetGuid() == leader.UserId);

        // The unit digest (item 8) as of the last day agrees with the count made here, for the unit's staff and in the mail after a sweep.
        var digest = await unit.Http.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/digest?asOf={Date(Last)}");
        var digestActual = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["overdue-not-accepted"] = digest.GetProperty("overdueNotAccepted").GetInt32(), ["overdue-not-concluded"] = digest.GetProperty("overdueNotConcluded").GetInt32(),
            ["due-not-accepted"] = digest.GetProperty("dueSoonNotAccepted").GetInt32(), ["due-not-concluded"] = digest.GetProperty("dueSoonNotConcluded").GetInt32(),
        };
        Assert.Equal(digestExpected.Where(e => e.Value > 0).OrderBy(e => e.Key), digestActual.Where(e => e.Value > 0).OrderBy(e => e.Key));
        Assert.True(digestActual["overdue-not-accepted"] > 0, "the replay leaves matters overdue at the unit");
        Assert.Equal(digestActual.Values.Sum(), digest.GetProperty("lines").GetArrayLength());
        var stranger = await app.StaffAsync("610114302", "handler");
        await Http.AssertProblemAsync(await stranger.Http.GetAsync($"/api/v1/supervision/digest?unitId={unit.UnitId}"), HttpStatusCode.Forbidden, "supervision.digest-other-unit");
        await Http.AssertProblemAsync(await unit.Http.GetAsync($"/api/v1/supervision/digest?asOf={Date(app.Today.AddDays(1))}"), HttpStatusCode.UnprocessableEntity, "supervision.as-of-future");
        var mailed = new List<UnitDigestView>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<UnitDigests>().SendAllAsync(Last, new RecordingSender(mailed), TestContext.Current.CancellationToken);
            Assert.Equal(sent, mailed.Count);
        }

        var mail = mailed.Single(d => d.UnitId == unit.UnitId);
        Assert.Equal([digestActual["overdue-not-accepted"], digestActual["overdue-not-concluded"], digestActual["due-not-accepted"], digestActual["due-not-concluded"]],
            [mail.OverdueNotAccepted, mail.OverdueNotConcluded, mail.DueSoonNotAccepted, mail.DueSoonNotConcluded]);

        // A matter that moved on closed its letters: every concluded matter's letters are no longer open.
        foreach (var plan in plans.Where(p => p.ConcludeOn <= Last))
        {
            var own = letters.Where(l => l.GetProperty("matterId").GetGuid() == Id(matters[plan.Index])).ToList();
            Assert.All(own, l => Assert.False(l.GetProperty("open").GetBoolean()));
        }
    }

    /// <summary>The rule as the issue states it, counted day by day on the calendar without the application's arithmetic.</summary>
    private static string? ExpectedLetter(DateOnly due, DateOnly day)
    {
        var calendar = WorkCalendar.Shipped;
        int WorkingDaysIn(DateOnly afterExclusive, DateOnly toInclusive)
        {
            var n = 0;
            for (var d = afterExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
            {
                n += calendar.IsWorkingDay(d) ? 1 : 0;
            }

            return n;
        }

        if (day <= due)
        {
            return WorkingDaysIn(day, due) <= 3 ? "reminder-0" : null;
        }

        var late = WorkingDaysIn(due, day);
        return late == 0 ? null : late >= 10 ? "supervision-2" : "supervision-1";
    }

    [Theory, DatabaseData]
    public async Task Two_servers_sweeping_the_same_day_at_once_issue_each_letter_once(Db db)
    {
        await using var first = await XinfangApp.StartAsync(db);
        await using var second = XinfangApp.StartOn(first.Database);
        var registrar = await first.StaffAsync("610114", "registrar");
        for (var i = 0; i < 8; i++)
        {
            await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 10, 10).AddDays(-3 * i), b => b["title"] = $"未处置事项（第{i}件）"));
        }

        var a = await first.StaffAsync("610114", "supervisor");
        var b = await second.LoginAsync(a.UserName, "Staff-Pass-2026");
        var day = new DateOnly(2025, 10, 24);
        var results = await Task.WhenAll(SweepAsync(a.Http, day), SweepAsync(b, day));

        var letters = await LettersAsync(a.Http);
        var total = results.Sum(r => r.GetProperty("reminders").GetInt32() + r.GetProperty("supervisions").GetInt32());
        Assert.Equal(8, letters.Count); // one letter per undisposed matter: reminder, 督办函 or 挂牌督办 by its age
        Assert.Equal(letters.Count, total);
        Assert.Equal(letters.Count, letters.Select(l => l.GetProperty("number").GetString()).Distinct().Count());
        var notices = await first.WithDbAsync(d => Task.FromResult(d.Set<Domain.Matters.Notice>().Count(n => n.IssuedBy == "督查督办")));
        Assert.Equal(8, notices);
    }

    [Theory, DatabaseData]
    public async Task A_sweep_in_the_future_or_of_no_date_is_refused_and_only_the_bureau_may_run_it(Db db)
    {
        var app = await apps.For(db);
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var handler = await app.StaffAsync(Labour, "handler");

        await Http.AssertProblemAsync(await supervisor.Http.PostAsync($"/api/v1/supervision/sweep?asOf={Date(app.Today.AddDays(1))}", null),
            HttpStatusCode.UnprocessableEntity, "supervision.as-of-future");
        await Http.AssertProblemAsync(await supervisor.Http.PostAsync("/api/v1/supervision/sweep?asOf=2025-13-01", null),
            HttpStatusCode.UnprocessableEntity, "supervision.as-of-invalid");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.Http.PostAsync("/api/v1/supervision/sweep", null)).StatusCode);
        await Http.AssertProblemAsync(await supervisor.Http.GetAsync("/api/v1/supervision/letters?kind=warning"), HttpStatusCode.UnprocessableEntity, "supervision.kind-invalid");
    }

    [Theory, DatabaseData]
    public async Task A_phone_reminder_is_logged_with_time_callee_and_content_and_bad_input_changes_nothing(Db db)
    {
        var app = await apps.For(db);
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Labour, "handler");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 10, 10)));

        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/phone-reminders", new { matterId = Id(matter), callee = "", content = "请抓紧办理" }),
            HttpStatusCode.UnprocessableEntity, "supervision.callee-required");
        await Http.AssertProblemAsync(await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/phone-reminders",
                new { matterId = Id(matter), callee = "人社局王科长", content = "请抓紧办理", calledAt = app.Clock.GetUtcNow().AddDays(1) }),
            HttpStatusCode.UnprocessableEntity, "supervision.called-at-future");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.Http.PostAsJsonAsync("/api/v1/supervision/phone-reminders", new { matterId = Id(matter), callee = "x", content = "y" })).StatusCode);
        var logged = await supervisor.Http.PostAsJsonAsync("/api/v1/supervision/phone-reminders",
            new { matterId = Id(matter), callee = "人社局王科长", content = "该件处置期限将至，请抓紧办理", calledAt = app.Clock.GetUtcNow().AddHours(-1) });
        await Http.EnsureAsync(logged);

        var calls = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/phone-reminders?matterId={Id(matter)}");
        var call = Assert.Single(calls.EnumerateArray());
        Assert.Equal("人社局王科长", call.GetProperty("callee").GetString());
        Assert.Equal(supervisor.UserName, call.GetProperty("by").GetString());
        Assert.Empty((await handler.Http.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/phone-reminders?matterId={Id(matter)}")).EnumerateArray());
    }

    private static async Task<JsonElement> SweepAsync(HttpClient client, DateOnly asOf)
    {
        var response = await client.PostAsync($"/api/v1/supervision/sweep?asOf={Date(asOf)}", null);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    private sealed class RecordingSender(List<UnitDigestView> sent) : IDigestSender
    {
        public Task SendAsync(UnitDigestView digest, CancellationToken cancellationToken)
        {
            sent.Add(digest);
            return Task.CompletedTask;
        }
    }

    private static async Task<List<JsonElement>> LettersAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/supervision/letters")).EnumerateArray().ToList();
}
