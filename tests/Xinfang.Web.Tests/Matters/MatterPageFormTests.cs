using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>
/// The matter page's action forms post the fields of the action's command (c.UnitId, c.Items[0].Outcome, …) and are
/// bound to the same record the API reads: what a clerk submits on the page is exactly what the API would decide on.
/// </summary>
public sealed class MatterPageFormTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task Transfer_accept_and_a_per_demand_conclusion_submitted_as_page_forms(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today, b => b["demands"] = new System.Text.Json.Nodes.JsonArray("支付拖欠的工资两万元", "追究包工头责任")));
        var id = Id(matter);
        var bureau = await PageSession.LoginAsync(app, registrar.UserName, PageSession.StaffPassword);
        var handler = await PageSession.LoginAsync(app, unit.UserName, PageSession.StaffPassword);

        await ActOnPageAsync(bureau, id, "Transfer", Version(matter), ("c.UnitId", unit.UnitId.ToString()), ("c.Note", "请依法办理"));
        var transferred = await GetAsync(registrar.Http, matter);
        Assert.Equal(("transferred", unit.UnitId.ToString()), (Status(transferred), transferred.GetProperty("unitId").GetString()));

        await ActOnPageAsync(handler, id, "Accept", Version(transferred), ("c.Simplified", "false"));
        var accepted = await GetAsync(registrar.Http, matter);
        Assert.Equal("accepted", Status(accepted));

        var demands = accepted.GetProperty("demands").EnumerateArray().Select(d => d.GetString()!).ToList();
        var fields = new List<(string, string)> { ("c.Outcome", "Support"), ("c.Opinion", "逐项答复如下。"), ("c.Standards.Index", "ProblemSolved"),
            ("c.Standards[ProblemSolved].Standard", "ProblemSolved"), ("c.Standards[ProblemSolved].Evidence", "工资已足额支付") };
        for (var i = 0; i < demands.Count; i++)
        {
            fields.AddRange([($"c.Items[{i}].Demand", demands[i]), ($"c.Items[{i}].Outcome", i == 0 ? "Support" : "Explain"),
                ($"c.Items[{i}].Facts", "经核实属实"), ($"c.Items[{i}].LegalBasis", "《保障农民工工资支付条例》")]);
        }

        await ActOnPageAsync(handler, id, "Conclude", Version(accepted), [.. fields]);
        var concluded = await GetAsync(registrar.Http, matter);
        Assert.Equal("concluded", Status(concluded));
        var conclusion = concluded.GetProperty("conclusion");
        Assert.Equal(["support", "explain"], conclusion.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal("工资已足额支付", conclusion.GetProperty("standards")[0].GetProperty("evidence").GetString());
    }

    [Theory, DatabaseData]
    public async Task A_form_the_decision_refuses_is_shown_again_with_the_reason_and_what_was_typed(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today));
        var bureau = await PageSession.LoginAsync(app, registrar.UserName, PageSession.StaffPassword);
        var page = await bureau.GetPageAsync($"/matters/{Id(matter)}");

        var response = await bureau.PostFormAsync($"/matters/{Id(matter)}?handler=Act", page, ("action", "Route"), ("version", Version(matter).ToString()),
            ("c.Channel", "Litigation"), ("c.Body", ""), ("c.Note", "需另行起诉"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("请写明应当向哪个机关", html);
        Assert.Contains("value=\"需另行起诉\"", html);
        Assert.Equal("registered", Status(await GetAsync(registrar.Http, matter)));
    }

    private static async Task ActOnPageAsync(PageSession session, Guid id, string action, int version, params (string Name, string Value)[] fields)
    {
        var page = await session.GetPageAsync($"/matters/{id}");
        var response = await session.PostFormAsync($"/matters/{id}?handler=Act", page,
            [("action", action), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. fields]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{action}: {(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "alert-danger[^>]*>([^<]*)").Groups[1].Value}");
    }
}
