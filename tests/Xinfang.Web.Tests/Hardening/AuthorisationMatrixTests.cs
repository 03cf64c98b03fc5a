using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>
/// The authorisation matrix, generated from the endpoints the app actually maps × every kind of caller: anonymous,
/// the administrator, the auditor, the bureau's registrar, a leader, and the handler of the unit holding a matter, of another
/// unit and of the unit an accusation accuses. Every endpoint must have a decided policy here, so a new endpoint
/// without one fails this test until someone decides who may call it.
/// </summary>
public sealed class AuthorisationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Policy
    {
        /// <summary>Anyone, signed in or not (login, password change).</summary>
        Anonymous,
        /// <summary>Any member of staff; the feature may refuse a role with 403 on its own grounds.</summary>
        Staff,
        /// <summary>The administrator only: configuration, users, organisation.</summary>
        Admin,
        /// <summary>Staff who can see the matter in the path; to anyone else it answers exactly as a matter that does not exist.</summary>
        Matter,
        /// <summary>The bureau's own staff (registrar, supervisor, director): the visit-order log, posting activities.</summary>
        Bureau,
        /// <summary>The auditor and the security administrator (三员分立): never the system administrator.</summary>
        Audit,
    }

    private static readonly Dictionary<string, Policy> Decided = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/login"] = Policy.Anonymous,
        ["POST /api/v1/auth/password"] = Policy.Anonymous,
        ["POST /api/v1/auth/logout"] = Policy.Staff,
        ["GET /api/v1/units/"] = Policy.Staff,
        ["POST /api/v1/units/"] = Policy.Admin,
        ["PUT /api/v1/units/{id:guid}"] = Policy.Admin,
        ["GET /api/v1/users/"] = Policy.Admin,
        ["POST /api/v1/users/"] = Policy.Admin,
        ["PUT /api/v1/users/{id:guid}"] = Policy.Admin,
        ["GET /api/v1/calendar/{year:int}"] = Policy.Staff,
        ["PUT /api/v1/calendar/{year:int}"] = Policy.Admin,
        ["GET /api/v1/calendar/due"] = Policy.Staff,
        ["GET /api/v1/periods/"] = Policy.Staff,
        ["GET /api/v1/periods/{code}/history"] = Policy.Staff,
        ["PUT /api/v1/periods/{code}"] = Policy.Admin,
        ["GET /api/v1/categories/"] = Policy.Staff,
        ["POST /api/v1/categories/"] = Policy.Admin,
        ["PUT /api/v1/categories/{code}"] = Policy.Admin,
        ["GET /api/v1/routing-rules/"] = Policy.Staff,
        ["POST /api/v1/routing-rules/"] = Policy.Admin,
        ["PUT /api/v1/routing-rules/{id:guid}"] = Policy.Admin,
        ["DELETE /api/v1/routing-rules/{id:guid}"] = Policy.Admin,
        ["POST /api/v1/matters/"] = Policy.Staff,
        ["GET /api/v1/matters/"] = Policy.Staff,
        ["GET /api/v1/matters/export.xlsx"] = Policy.Staff,
        ["POST /api/v1/matters/close-expired"] = Policy.Staff,
        // Repeat detection is scoped like the list; deciding a link is the registrar's or supervisor's (403 for others).
        ["POST /api/v1/matters/repeat-candidates"] = Policy.Staff,
        ["GET /api/v1/matters/{id:guid}/repeat-candidates"] = Policy.Matter,
        ["GET /api/v1/matters/{id:guid}/repeat-links"] = Policy.Matter,
        ["POST /api/v1/matters/{id:guid}/repeat-links"] = Policy.Matter,
        ["GET /api/v1/packages/mine"] = Policy.Staff,
        ["POST /api/v1/packages/{id:guid}/progress"] = Policy.Staff,
        ["POST /api/v1/packages/{id:guid}/resolve"] = Policy.Staff,
        // Notices and attachments are found through their matter's scope: a stranger's id answers 404 like any unknown one.
        ["GET /api/v1/notices/{id:guid}"] = Policy.Staff,
        ["GET /api/v1/notices/{id:guid}/document.docx"] = Policy.Staff,
        ["GET /api/v1/notices/{id:guid}/print"] = Policy.Staff,
        ["GET /api/v1/notices/{id:guid}/receipt.docx"] = Policy.Staff,
        ["GET /api/v1/attachments/{id:guid}/content"] = Policy.Staff,
        ["GET /api/v1/notice-templates/"] = Policy.Staff,
        ["GET /api/v1/notice-templates/{key}"] = Policy.Staff,
        ["PUT /api/v1/notice-templates/{key}"] = Policy.Admin,
        ["POST /api/v1/notice-templates/{key}/preview"] = Policy.Admin,
        // The ledger is every unit's, each seeing its own items (LedgerTests check the scope); topics are configuration.
        ["GET /api/v1/ledger/items"] = Policy.Staff,
        ["POST /api/v1/ledger/items"] = Policy.Staff,
        ["GET /api/v1/ledger/items/{id:guid}"] = Policy.Staff,
        ["POST /api/v1/ledger/items/{id:guid}/updates"] = Policy.Staff,
        ["PUT /api/v1/ledger/items/{id:guid}"] = Policy.Staff,
        ["GET /api/v1/ledger/topics"] = Policy.Staff,
        ["POST /api/v1/ledger/topics"] = Policy.Admin,
        ["PUT /api/v1/ledger/topics/{id:guid}"] = Policy.Admin,
        ["GET /api/v1/ledger/rounds"] = Policy.Staff,
        ["POST /api/v1/ledger/rounds"] = Policy.Staff,
        ["GET /api/v1/ledger/rounds/{id:guid}"] = Policy.Staff,
        ["POST /api/v1/ledger/rounds/{id:guid}/reports"] = Policy.Staff,
        ["GET /api/v1/ledger/export.xlsx"] = Policy.Staff,
        ["POST /api/v1/ledger/import"] = Policy.Staff,
        ["GET /api/v1/ledger/analysis"] = Policy.Staff,
        ["GET /api/v1/ledger/analysis.docx"] = Policy.Staff,
        ["GET /api/v1/incidents/"] = Policy.Bureau,
        ["POST /api/v1/incidents/"] = Policy.Bureau,
        ["PUT /api/v1/incidents/{id:guid}"] = Policy.Bureau,
        ["GET /api/v1/activities/"] = Policy.Staff,
        ["POST /api/v1/activities/"] = Policy.Bureau,
        // The public portal: no login; the query code is the key (PortalTests check that a wrong one answers as an unknown number).
        ["POST /api/v1/public/petitions/"] = Policy.Anonymous,
        ["GET /api/v1/public/petitions/{number}"] = Policy.Anonymous,
        ["POST /api/v1/public/petitions/{number}/evaluations"] = Policy.Anonymous,
        ["POST /api/v1/public/petitions/{number}/review-requests"] = Policy.Anonymous,
        ["GET /api/v1/public/petitions/{number}/notices/{id:guid}"] = Policy.Anonymous,
        // Return visits are the caller's unit's own (PortalTests check that another unit's answers 404).
        ["GET /api/v1/return-visits/"] = Policy.Staff,
        ["POST /api/v1/return-visits/{id:guid}/done"] = Policy.Staff,
        // Running the sweep and logging calls is the bureau's; a unit sees the letters to it and the calls on its matters.
        ["POST /api/v1/supervision/sweep"] = Policy.Bureau,
        ["GET /api/v1/supervision/letters"] = Policy.Staff,
        ["POST /api/v1/supervision/phone-reminders"] = Policy.Bureau,
        ["GET /api/v1/supervision/phone-reminders"] = Policy.Staff,
        // The exchange package carries whole matters across units: the bureau's (docs/exchange/README.md).
        ["GET /api/v1/exchange/export"] = Policy.Bureau,
        ["POST /api/v1/exchange/import"] = Policy.Bureau,
        ["GET /api/v1/supervision/problems"] = Policy.Staff,
        ["POST /api/v1/supervision/problem-letters"] = Policy.Bureau,
        ["GET /api/v1/supervision/problem-letters"] = Policy.Staff,
        ["GET /api/v1/supervision/overview"] = Policy.Staff,
        ["GET /api/v1/supervision/digest"] = Policy.Staff,
        ["GET /api/v1/suggestions/"] = Policy.Staff,
        ["POST /api/v1/suggestions/"] = Policy.Bureau,
        ["POST /api/v1/suggestions/{id:guid}/feedback"] = Policy.Staff,
        ["GET /api/v1/audit/"] = Policy.Audit,
        ["GET /api/v1/audit/export.xlsx"] = Policy.Audit,
        ["GET /api/v1/audit/verify"] = Policy.Audit,
        ["GET /api/v1/statistics/summary"] = Policy.Bureau,
        ["GET /api/v1/statistics/dashboard"] = Policy.Bureau,
        ["GET /api/v1/statistics/definitions"] = Policy.Bureau,
        ["GET /api/v1/statistics/export.xlsx"] = Policy.Bureau,
        ["GET /api/v1/reports/annual/{year:int}"] = Policy.Bureau,
        ["GET /api/v1/reports/annual/{year:int}.docx"] = Policy.Bureau,
        // Everything under /api/v1/matters/{id} is Policy.Matter: the matter's own scope decides.
    };

    [Fact]
    public async Task Every_api_endpoint_has_a_decided_policy()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite);

        var undecided = Endpoints(app).Where(e => PolicyOf(e) is null).ToList();

        Assert.True(undecided.Count == 0, "Endpoints without a decided authorisation policy (add them to AuthorisationMatrixTests.Decided):\n" + string.Join("\n", undecided));
    }

    [Theory, DatabaseData]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_its_policy_says(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.Anonymous(),
            ["admin"] = await app.AdminAsync(),
            ["leader"] = (await app.StaffAsync("610114000", "leader")).Http,
            ["auditor"] = (await app.StaffAsync("610114", "auditor")).Http,
            ["other-unit"] = (await app.StaffAsync(OtherStreet, "handler", "unit-head")).Http,
            ["accused-unit"] = (await app.StaffAsync(Labour, "handler", "unit-head")).Http,
            // Last, because they may act on the matter (an empty body is a valid command for some actions).
            ["own-unit"] = (await app.StaffAsync(Street, "handler", "unit-head")).Http,
            ["registrar"] = registrar.Http,
        };
        var failures = new List<string>();
        var cells = 0;

        // Logging out ends the caller's sessions, so it comes last.
        foreach (var endpoint in Endpoints(app).OrderBy(e => e.EndsWith("/auth/logout", StringComparison.Ordinal)))
        {
            var policy = PolicyOf(endpoint) ?? throw new InvalidOperationException($"{endpoint} has no decided policy");
            // A fresh accusation against the labour bureau, handled by the street, for every endpoint.
            var accusation = await RegisterAsync(registrar.Http, Accusation(new DateOnly(2026, 5, 11), await app.UnitIdAsync(Labour)));
            accusation = await ActAsync(registrar.Http, accusation, "transfer", new { unitId = await app.UnitIdAsync(Street), on = "2026-05-12" });
            foreach (var (caller, client) in callers)
            {
                var (status, code) = await CallAsync(client, endpoint, Id(accusation));
                cells++;
                var refusal = Expect(policy, caller, status);
                if (refusal is null && policy == Policy.Matter && caller is "other-unit" or "accused-unit" or "admin")
                {
                    // Out of scope must look exactly like a matter that does not exist.
                    var (ghostStatus, ghostCode) = await CallAsync(client, endpoint, Guid.NewGuid());
                    refusal = (status, code) == (ghostStatus, ghostCode) ? null : $"answers {status} {code} for a hidden matter but {ghostStatus} {ghostCode} for none";
                }

                if (refusal is not null)
                {
                    failures.Add($"{endpoint} as {caller}: {refusal}");
                }
            }
        }

        if (Environment.GetEnvironmentVariable("XINFANG_MATRIX_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, $"{db}\t{cells} cells\t{failures.Count} failures\n", Ct);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells disagree with the policy:\n" + string.Join("\n", failures));
    }

    private static string? Expect(Policy policy, string caller, int status) => (policy, caller) switch
    {
        (Policy.Anonymous, _) => status == 401 ? "401 on an anonymous endpoint" : null,
        (_, "anonymous") => status == 401 ? null : $"{status} instead of 401 without credentials",
        (Policy.Admin, "admin") => status is 401 or 403 ? $"{status} for the administrator" : null,
        (Policy.Admin, _) => status == 403 ? null : $"{status} instead of 403 for a non-administrator",
        (Policy.Matter, "own-unit" or "registrar") => status is 401 or 404 ? $"{status} for a caller who sees the matter" : null,
        (Policy.Matter, _) => status is >= 200 and < 300 ? $"{status}: a matter outside the caller's scope answered" : null,
        (Policy.Staff, _) => status == 401 ? "401 for a signed-in member of staff" : null,
        (Policy.Bureau, "registrar") => status is 401 or 403 ? $"{status} for the bureau's registrar" : null,
        (Policy.Bureau, _) => status == 403 ? null : $"{status} instead of 403 outside the bureau",
        (Policy.Audit, "auditor") => status is 401 or 403 ? $"{status} for the auditor" : null,
        (Policy.Audit, _) => status == 403 ? null : $"{status} instead of 403 for someone who is not an auditor",
    };

    private static async Task<(int Status, string? Code)> CallAsync(HttpClient client, string endpoint, Guid matterId)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var url = pattern
            .Replace("/matters/{id:guid}", $"/matters/{matterId}", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{year:int}", "2026", StringComparison.Ordinal)
            .Replace("{code}", pattern.Contains("/periods", StringComparison.Ordinal) ? "handling" : "labour", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() : null;
        return ((int)response.StatusCode, code);
    }

    private static Policy? PolicyOf(string endpoint) =>
        Decided.TryGetValue(endpoint, out var policy) ? policy
        : endpoint.Contains("/api/v1/matters/{id:guid}", StringComparison.Ordinal) ? Policy.Matter
        : null;

    /// <summary>"METHOD /pattern" of every API endpoint the app maps, from its own routing table.</summary>
    private static List<string> Endpoints(XinfangApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
