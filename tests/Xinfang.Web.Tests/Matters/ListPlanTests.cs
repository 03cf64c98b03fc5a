using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Matters;

/// <summary>
/// Issue 11: every list and desk tile, asked through HTTP on a database of <see cref="GeneratedApps.Matters"/> generated
/// matters, is explained by the database again with the same SQL and parameters; no plan may scan the deadlines, or
/// scan matters or deadlines whole inside a correlated subquery (the quadratic plan that took the registrar's list
/// past ten minutes at 100,000 matters).
/// </summary>
public sealed class ListPlanTests(GeneratedApps generated)
{
    [Theory, DatabaseData]
    public async Task No_list_query_scans_a_table_inside_a_correlated_subquery(Db db)
    {
        var (app, _) = await generated.For(db);
        var registrarApi = await app.StaffAsync("610114", "registrar");
        var handlerApi = await app.StaffAsync(MatterApi.Labour, "handler");
        var headApi = await app.StaffAsync(MatterApi.Labour, "unit-head");
        var registrar = await PageSession.LoginAsync(app, registrarApi.UserName, PageSession.StaffPassword);
        var handler = await PageSession.LoginAsync(app, handlerApi.UserName, PageSession.StaffPassword);
        var head = await PageSession.LoginAsync(app, headApi.UserName, PageSession.StaffPassword);
        var unit = await app.UnitIdAsync(MatterApi.Labour);
        var today = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var monthAgo = app.Today.AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var capture = new SqlCapture(app.Database);
        foreach (var path in new[]
                 {
                     "/api/v1/matters", "/api/v1/matters?status=registered", "/api/v1/matters?overdue=true", "/api/v1/matters?dueWithin=3",
                     $"/api/v1/matters?channel=visit&from={monthAgo}&to={today}", "/api/v1/matters?q=供暖", "/api/v1/matters?page=100",
                     "/api/v1/matters?count=exact", $"/api/v1/matters?unitId={unit}&status=accepted",
                     "/matters/queue", "/matters/queue?overdue=true", "/matters", "/matters?overdue=true", "/matters?pageNumber=50", "/",
                 })
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                await Http.EnsureAsync(await registrarApi.Http.GetAsync(path, TestContext.Current.CancellationToken));
            }
            else
            {
                await registrar.GetPageAsync(path);
            }
        }

        var first = JsonDocument.Parse(await registrarApi.Http.GetStringAsync("/api/v1/matters", TestContext.Current.CancellationToken));
        await Http.EnsureAsync(await registrarApi.Http.GetAsync("/api/v1/matters?after=" + first.RootElement.GetProperty("next").GetString(), TestContext.Current.CancellationToken));
        foreach (var (session, api) in new[] { (handler, handlerApi), (head, headApi) })
        {
            await session.GetPageAsync("/");
            await session.GetPageAsync("/desk/handling");
            await Http.EnsureAsync(await api.Http.GetAsync("/api/v1/matters?overdue=true", TestContext.Current.CancellationToken));
        }

        var lists = capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && (c.Sql.Contains("\"matters\"", StringComparison.Ordinal) || c.Sql.Contains(" matters ", StringComparison.Ordinal)))
            .DistinctBy(c => c.Sql).ToList();
        Assert.True(lists.Count >= 10, $"only {lists.Count} list queries were captured");
        var problems = new List<string>();
        foreach (var command in lists)
        {
            var plan = db == Db.Sqlite ? await SqlitePlanAsync(app.Database.ConnectionString, command) : await PostgresPlanAsync(app.Database.ConnectionString, command);
            if (plan.Problem is { } problem)
            {
                problems.Add($"{problem}\n{command.Sql}\n{plan.Text}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    /// <summary>SQLite's plan rows (id, parent, detail) as a tree: a full <c>SCAN</c> of the deadlines anywhere, or of matters under a correlated subquery.</summary>
    private static async Task<(string? Problem, string Text)> SqlitePlanAsync(string connectionString, CapturedCommand command)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new Dictionary<long, (long Parent, string Detail)>();
        await using (var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                rows[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetString(3));
            }
        }

        bool Correlated(long id) => rows.TryGetValue(id, out var row) && (row.Detail.Contains("CORRELATED", StringComparison.Ordinal) || Correlated(row.Parent));
        var text = string.Join("\n", rows.Select(r => $"{r.Key}<{r.Value.Parent}: {r.Value.Detail}"));
        foreach (var (id, (parent, detail)) in rows)
        {
            // The quadratic plan of issue 11 was a SEARCH, by (state=?) over every open deadline, once per matter.
            var search = System.Text.RegularExpressions.Regex.Match(detail, "^SEARCH (\\w+) ");
            if (search.Success && System.Text.RegularExpressions.Regex.IsMatch(search.Groups[1].Value, "^(deadline|d\\d*)$") && Correlated(parent)
                && !detail.Contains("matter_id=", StringComparison.Ordinal))
            {
                return ($"a correlated subquery reads deadlines of every matter: {detail}", text);
            }

            var scan = System.Text.RegularExpressions.Regex.Match(detail, "^SCAN (\\w+)( USING (COVERING )?INDEX \\w+)?$");
            if (!scan.Success)
            {
                continue;
            }

            var table = scan.Groups[1].Value;
            var deadline = table is "deadline" || System.Text.RegularExpressions.Regex.IsMatch(table, "^d\\d*$");
            var matters = table is "matters" || System.Text.RegularExpressions.Regex.IsMatch(table, "^m\\d*$");
            if (deadline && !scan.Groups[2].Success)
            {
                return ($"a full scan of the deadlines: {detail}", text);
            }

            if ((deadline || matters) && Correlated(parent))
            {
                return ($"a scan inside a correlated subquery: {detail}", text);
            }
        }

        return (null, text);
    }

    /// <summary>PostgreSQL's JSON plan: a sequential scan of the deadlines anywhere, or of matters inside a SubPlan (correlated).</summary>
    private static async Task<(string? Problem, string Text)> PostgresPlanAsync(string connectionString, CapturedCommand command)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN (FORMAT JSON) " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var json = (string)(await explain.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        // A SubPlan runs per outer row unless hashed (then once, like an uncorrelated IN list): the parent's condition says which.
        string? Walk(JsonElement node, bool correlated)
        {
            var type = node.GetProperty("Node Type").GetString();
            var table = node.TryGetProperty("Relation Name", out var name) ? name.GetString() : null;
            if (type == "Seq Scan" && (table == "deadline" || table == "matters" && correlated))
            {
                return $"a sequential scan of {table}{(correlated ? " inside a correlated subquery" : "")}";
            }

            if (!node.TryGetProperty("Plans", out var plans))
            {
                return null;
            }

            var conditions = string.Join(" ", node.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()));
            return plans.EnumerateArray().Select(child =>
            {
                var sub = child.TryGetProperty("Parent Relationship", out var relation) && relation.GetString() == "SubPlan"
                    && !(child.TryGetProperty("Subplan Name", out var subplan) && conditions.Contains("hashed " + subplan.GetString(), StringComparison.Ordinal));
                return Walk(child, correlated || sub);
            }).FirstOrDefault(p => p is not null);
        }

        var plan = JsonDocument.Parse(json).RootElement[0].GetProperty("Plan");
        return (Walk(plan, false), json);
    }
}
