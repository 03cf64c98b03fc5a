using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>Issue 14, the petitioner registry: one person across matters, recognised by ID number, else name and phone.</summary>
public sealed class RegistryTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_persons_page_lists_their_matters_and_visits_recognised_by_id_number_else_name_and_phone(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var person = Person.New();
        JsonObject Visit(DateOnly on, int headcount, string? idNumber, bool representative) => Letter(on, b =>
        {
            b["channel"] = "visit";
            b["headcount"] = headcount;
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = idNumber, ["phone"] = person.Phone, ["isRepresentative"] = representative });
        });
        var first = await RegisterAsync(registrar.Http, Visit(new DateOnly(2026, 3, 2), 1, person.IdNumber, false));
        await RegisterAsync(registrar.Http, Visit(new DateOnly(2026, 4, 7), 6, person.IdNumber, true));
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 5, 11), b =>
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber })));
        var withoutId = await RegisterAsync(registrar.Http, Visit(new DateOnly(2026, 5, 12), 1, null, false));
        await RegisterAsync(registrar.Http, Visit(new DateOnly(2026, 5, 13), 1, null, false));

        var supervisor = await PageSession.LoginAsync(app, (await app.StaffAsync("610114", "supervisor")).UserName, PageSession.StaffPassword);
        var html = await supervisor.GetPageAsync($"/people/{await PetitionerOfAsync(app, Id(first))}");
        Assert.Contains("按身份证号码识别", html, StringComparison.Ordinal);
        Assert.Contains("3 件", html, StringComparison.Ordinal);
        Assert.Contains("2 人次", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 / 2026-04-07", html, StringComparison.Ordinal);
        Assert.Contains("1 批次", html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, html, StringComparison.Ordinal); // masked

        var byPhone = await supervisor.GetPageAsync($"/people/{await PetitionerOfAsync(app, Id(withoutId))}");
        Assert.Contains("按姓名和联系电话识别", byPhone, StringComparison.Ordinal);
        Assert.Contains("2 人次", byPhone, StringComparison.Ordinal);

        var handler = await PageSession.StaffAsync(app, Street, "handler");
        var denied = await handler.GetAsync($"/people/{await PetitionerOfAsync(app, Id(first))}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    private static Task<Guid> PetitionerOfAsync(XinfangApp app, Guid matterId) =>
        app.WithDbAsync(d => d.Set<Xinfang.Domain.Matters.Petitioner>().Where(p => p.MatterId == matterId).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));
}
