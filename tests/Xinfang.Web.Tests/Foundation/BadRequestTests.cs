using System.Net;
using System.Text;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>Malformed requests of every kind get a 4xx problem detail in Chinese, never a 500.</summary>
public sealed class BadRequestTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task An_unknown_api_route_is_a_404_problem(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        await Http.AssertProblemAsync(await admin.GetAsync("/api/v1/no-such-thing", Ct), HttpStatusCode.NotFound, "not-found");
    }

    [Theory, DatabaseData]
    public async Task Malformed_json_is_a_400_problem(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.PostAsync("/api/v1/units", new StringContent("{\"code\": \"61", Encoding.UTF8, "application/json"), Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }

    [Theory, DatabaseData]
    public async Task A_value_of_the_wrong_type_names_the_field(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.PostAsync("/api/v1/units",
            new StringContent("{\"code\":\"610114990\",\"name\":\"某局\",\"kind\":\"pigeon\"}", Encoding.UTF8, "application/json"), Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        Assert.Contains("kind", problem.GetProperty("detail").GetString());
    }

    [Theory, DatabaseData]
    public async Task An_enum_given_as_a_number_is_refused(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.PostAsync("/api/v1/units",
            new StringContent("{\"code\":\"610114991\",\"name\":\"某局\",\"kind\":3}", Encoding.UTF8, "application/json"), Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }

    [Theory, DatabaseData]
    public async Task A_body_that_is_not_json_is_refused(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.PostAsync("/api/v1/units", new StringContent("code=1", Encoding.UTF8, "text/plain"), Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    [Theory, DatabaseData]
    public async Task An_oversized_body_is_a_413_problem(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();
        var huge = "{\"name\":\"" + new string('字', 600_000) + "\"}";

        var response = await admin.PostAsync("/api/v1/units", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Theory, DatabaseData]
    public async Task A_wrong_method_is_a_405_problem(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.DeleteAsync("/api/v1/units", Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "request.method-not-allowed");
    }

    [Theory, DatabaseData]
    public async Task A_login_without_a_password_names_the_missing_field(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin" }, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("\"password\"", body);
        Assert.Contains("request.invalid", body);
        Assert.DoesNotContain("\"status\":500", body);
    }
}
