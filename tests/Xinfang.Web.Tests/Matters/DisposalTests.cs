using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>The bureau's disposal of a registered matter within 15 days (第二十二条), on both databases.</summary>
public sealed class DisposalTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_registered_letter_gets_a_number_a_query_code_and_a_dispose_clock(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        // 2025-09-20 + 15 days = 10-05, in the National Day holiday: rolls forward to 10-09 (REFERENCE.md §1.12).
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        Assert.Matches(@"^610114-2025-\d{6}$", matter.GetProperty("number").GetString());
        Assert.Matches("^[34679ACDEFGHJKMNPQRTUVWXY]{10}$", matter.GetProperty("queryCode").GetString());
        Assert.Equal("registered", Status(matter));
        Assert.Equal(new DateOnly(2025, 10, 9), Due(matter, "dispose"));
        Assert.Equal("610114********0011", matter.GetProperty("petitioners")[0].GetProperty("idNumberMasked").GetString());
        Assert.Equal("138****5678", matter.GetProperty("petitioners")[0].GetProperty("phoneMasked").GetString());
        Assert.Contains("transfer", Allowed(matter));
        Assert.DoesNotContain("accept", Allowed(matter));
        Assert.Equal(["receipt"], NoticeKinds(matter));
    }

    [Theory, DatabaseData]
    public async Task Transfer_meets_the_dispose_clock_and_starts_the_units_clocks(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        var transferred = await ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Labour), note = "属人社局职责", on = "2025-09-26" });

        Assert.Equal("transferred", Status(transferred));
        Assert.Equal("met", Deadline(transferred, "dispose").GetProperty("state").GetString());
        // 15 calendar days from 09-26: 10-11, a Saturday made a working day (调休), so no roll-forward.
        Assert.Equal(new DateOnly(2025, 10, 11), Due(transferred, "acceptance-notice"));
        // 5 working days from 09-26: 09-28 (调休 Sunday), 09-29, 09-30, 10-09, 10-10.
        Assert.Equal(new DateOnly(2025, 10, 10), Due(transferred, "objection"));
        Assert.Contains("transfer-notice", NoticeKinds(transferred));
        Assert.Contains("transfer-letter", NoticeKinds(transferred));
        Assert.Matches(@"^阎信转〔2025〕\d+号$", Notice(transferred, "transfer-letter").GetProperty("number").GetString());
    }

    [Theory, DatabaseData]
    public async Task An_action_not_allowed_in_the_state_is_a_409_listing_what_is(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));

        var response = await PostActionAsync(registrar.Http, matter, "request-review", new { reason = "不服" });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.Conflict, "matter.action-not-allowed");
        var allowed = problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("transfer", allowed);
        Assert.Equal("registered", Status(await GetAsync(registrar.Http, matter)));
    }
}
