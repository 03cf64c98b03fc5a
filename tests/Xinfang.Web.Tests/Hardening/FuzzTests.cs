using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>
/// Walks every operation of the OpenAPI document with generated bad input — wrong types, nulls in arrays, control
/// characters, huge strings, out-of-range dates and numbers, unknown enum values, bad query values — and fails on any
/// 5xx, and on any 4xx that is not a problem document with a <c>code</c> and unique keys. A new endpoint is covered
/// the day it is mapped. <c>XINFANG_FUZZ_ROUNDS</c> repeats the walk with random choices for a longer local run.
/// </summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The test suite's walk; XINFANG_FUZZ_ROUNDS > 1 adds the rest (RELIABILITY.md has the figures of the long run).
    private static readonly string[] Quick = ["types", "nulls", "control", "huge", "far-dates", "big-numbers", "enums"];
    private static readonly string[] Everything = [.. Quick, "early-dates", "negative-numbers", "empty", "not-json"];

    [Theory, DatabaseData]
    public async Task No_bad_input_to_any_endpoint_gets_a_500_or_an_answer_that_is_not_a_problem(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 5, 11)));
        var document = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var failures = new List<string>();
        var sent = 0;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("XINFANG_FUZZ_ROUNDS"), out var r) ? r : 1;

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (path == "/api/v1/auth/logout")
                    {
                        continue; // would end the fuzzing client's own session; covered by SessionTests
                    }

                    var client = path.StartsWith("/api/v1/matters", StringComparison.Ordinal) || path.StartsWith("/api/v1/packages", StringComparison.Ordinal)
                        ? registrar.Http : admin;
                    var url = Fill(path, MatterApi.Id(matter));
                    var requestSchema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                    var queries = operation["parameters"]?.AsArray().Where(p => p!["in"]?.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
                    foreach (var mutation in rounds > 1 ? Everything : Quick)
                    {
                        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url + Query(queries, mutation));
                        if (requestSchema is not null)
                        {
                            var body = mutation switch
                            {
                                "not-json" => "{\"a\":",
                                "empty" => "{}",
                                _ => Build(requestSchema, schemas, mutation, 0)?.ToJsonString() ?? "null",
                            };
                            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        }

                        var response = await client.SendAsync(request, Ct);
                        sent++;
                        if (await CheckAsync(response) is { } problem)
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url} [{mutation}]: {problem}");
                        }
                    }
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"fuzz on {db}: {sent} requests, {failures.Count} failures");
        Assert.True(sent > 300, $"Only {sent} requests: is the OpenAPI document read correctly?");
        if (Environment.GetEnvironmentVariable("XINFANG_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, $"{db}\t{sent}\t{failures.Count}\t{stopwatch.Elapsed.TotalSeconds:0.0}s\n", Ct);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not answered with a problem:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (status >= 500)
        {
            return $"{status} {body[..Math.Min(body.Length, 300)]}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }

        using var problem = JsonDocument.Parse(body);
        var keys = problem.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            return $"{status} problem with a duplicate key: {body[..Math.Min(body.Length, 300)]}";
        }

        return problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? null : $"{status} problem without a code";
    }

    private static string Fill(string path, Guid matterId) => path
        .Replace("/matters/{id}", $"/matters/{matterId}", StringComparison.Ordinal)
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{year}", "2027", StringComparison.Ordinal)
        .Replace("{code}", path.Contains("/periods", StringComparison.Ordinal) ? "handling" : "labour", StringComparison.Ordinal);

    private static string Query(List<string> names, string mutation)
    {
        if (names.Count == 0)
        {
            return "";
        }

        var value = mutation switch
        {
            "control" => "%00%1B",
            "far-dates" => "9999-12-31",
            "early-dates" => "0001-01-01",
            "big-numbers" => "2147483648",
            "negative-numbers" => "-2147483648",
            "huge" => new string('x', 4000),
            "types" => "%7B%7D",
            _ => "no-such-value",
        };
        return "?" + string.Join("&", names.Select(n => $"{n}={value}"));
    }

    private static JsonNode? Build(JsonNode schema, JsonObject? schemas, string mutation, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Build(schemas![reference.Split('/')[^1]]!, schemas, mutation, depth + 1);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                var choice = options.FirstOrDefault(o => Type(o!) != "null") ?? options[0];
                return Build(choice!, schemas, mutation, depth + 1);
            }
        }

        if (schema["enum"] is JsonArray values)
        {
            return mutation switch
            {
                "enums" => "no-such-value",
                "nulls" => null,
                "types" => 12345,
                _ => values.FirstOrDefault(v => v is not null)?.DeepClone(),
            };
        }

        switch (Type(schema))
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    result[name] = Build(property!, schemas, mutation, depth + 1);
                }

                return result;
            case "array":
                return mutation == "nulls" ? new JsonArray((JsonNode?)null) : new JsonArray(Build(schema["items"] ?? new JsonObject(), schemas, mutation, depth + 1));
            case "integer" or "number":
                return mutation switch
                {
                    "types" => "x",
                    "nulls" => null,
                    "big-numbers" => JsonValue.Create(long.MaxValue),
                    "negative-numbers" => JsonValue.Create(int.MinValue),
                    _ => 1,
                };
            case "boolean":
                return mutation switch { "types" => "x", "nulls" => null, _ => true };
            default:
                var format = schema["format"]?.GetValue<string>();
                return (mutation, format) switch
                {
                    ("types", _) => 12345,
                    ("nulls", _) => null,
                    ("far-dates", "date") => "9999-12-31",
                    ("early-dates", "date") => "0001-01-01",
                    ("far-dates", "date-time") => "9999-12-31T23:59:59Z",
                    (_, "date") => "2026-05-12",
                    (_, "uuid") => Guid.NewGuid().ToString(),
                    ("control", _) => "a\u0000b\u001b[31m",
                    ("huge", _) => new string('字', 60_000), // a few of these pass the 1 MB body limit
                    _ => "测试",
                };
        }
    }

    private static string? Type(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        JsonValue type => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : null,
    };
}
