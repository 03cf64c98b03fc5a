using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>
/// One rule for text, at the web boundary, on both databases: control characters (NUL, ESC, …) are refused with a
/// field error; invisible format characters (zero-width, bidi overrides) are removed and the text is NFC-normalised,
/// so that "required" counts what a reader can see; a null inside an array is refused, never a 500.
/// </summary>
public sealed class TextInputTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Received = new(2026, 5, 11);

    public static TheoryData<Db, string> ControlCharacterFields() => new()
    {
        { Db.Sqlite, "title" }, { Db.Postgres, "title" },
        { Db.Sqlite, "content" }, { Db.Postgres, "content" },
        { Db.Sqlite, "demands[0]" }, { Db.Postgres, "demands[0]" },
        { Db.Sqlite, "petitioners[0].name" }, { Db.Postgres, "petitioners[0].name" },
        { Db.Sqlite, "petitioners[0].address" }, { Db.Postgres, "petitioners[0].address" },
    };

    [Theory, MemberData(nameof(ControlCharacterFields))]
    public async Task A_nul_character_in_any_registration_text_is_a_field_error_and_stores_nothing(Db db, string field)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var title = "控制字符 " + Guid.NewGuid();
        var body = Letter(Received, b => b["title"] = title);
        Set(body, field, "a\u0000b");

        var problem = await Http.AssertProblemAsync(await PostRegistrationAsync(registrar.Http, body), HttpStatusCode.UnprocessableEntity, "request.invalid-characters");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var list = await registrar.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/matters?q={Uri.EscapeDataString(title)}", Ct);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Control_characters_in_a_query_string_or_an_actions_note_are_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(Received));

        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/matters?q=%00", Ct), HttpStatusCode.UnprocessableEntity, "request.invalid-characters");
        var escape = await PostActionAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Street), note = "转\u001b[31m送" });
        await Http.AssertProblemAsync(escape, HttpStatusCode.UnprocessableEntity, "request.invalid-characters");
        Assert.Equal(Version(matter), Version(await GetAsync(registrar.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task Text_of_only_invisible_characters_is_empty_and_fails_required(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");

        var blankTitle = await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["title"] = "\u200b\u200c\u200d\ufeff"));
        var problem = await Http.AssertProblemAsync(blankTitle, HttpStatusCode.UnprocessableEntity, "matter.title-required");
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));

        var blankName = await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["petitioners"]![0]!["name"] = "\u2060\u200b"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blankName.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Bidi_overrides_are_removed_and_text_is_stored_in_nfc(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var suffix = Guid.NewGuid().ToString("N")[..8];

        // "e" + combining acute accent is stored as the one precomposed "é"; the right-to-left override disappears.
        var matter = await RegisterAsync(registrar.Http, Letter(Received, b => b["title"] = "讨要工资\u202egnp.exe Cafe\u0301 " + suffix));

        Assert.Equal("讨要工资gnp.exe Café " + suffix, matter.GetProperty("title").GetString());
    }

    [Theory, DatabaseData]
    public async Task A_null_inside_an_array_is_a_problem_not_a_500(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var admin = await app.AdminAsync();

        var petitioners = await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["petitioners"] = new JsonArray((JsonNode?)null)));
        await Http.AssertProblemAsync(petitioners, HttpStatusCode.UnprocessableEntity, "request.null-item");
        var demands = await PostRegistrationAsync(registrar.Http, Letter(Received, b => b["demands"] = new JsonArray((JsonNode?)null)));
        await Http.AssertProblemAsync(demands, HttpStatusCode.UnprocessableEntity, "request.null-item");

        var days = await admin.PutAsync("/api/v1/calendar/2031", new StringContent("{\"year\":2031,\"source\":\"某通知\",\"days\":[null]}", Encoding.UTF8, "application/json"), Ct);
        await Http.AssertProblemAsync(days, HttpStatusCode.UnprocessableEntity, "request.null-item");

        var matter = await RegisterAsync(registrar.Http, Letter(Received));
        var conclude = await registrar.Http.PostAsync($"/api/v1/matters/{Id(matter)}/conclude",
            new StringContent("{\"outcome\":\"support\",\"items\":[null]}", Encoding.UTF8, "application/json"), Ct);
        await Http.AssertProblemAsync(conclude, HttpStatusCode.UnprocessableEntity, "request.null-item");
    }

    /// <summary>Sets a value at a simple path such as <c>petitioners[0].name</c> or <c>demands[0]</c>.</summary>
    private static void Set(JsonObject body, string path, string value)
    {
        JsonNode node = body;
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (parts[i].StartsWith('['))
            {
                var index = int.Parse(parts[i].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = value;
                }
                else
                {
                    node = node.AsArray()[index]!;
                }
            }
            else if (last)
            {
                node.AsObject()[parts[i]] = value;
            }
            else
            {
                node = node.AsObject()[parts[i]]!;
            }
        }
    }
}
