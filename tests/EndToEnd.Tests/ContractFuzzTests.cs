using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>
/// Every operation of the gateway's public OpenAPI document, called with bodies generated from its schemas and then
/// broken (a field missing, null, of another type, too long, with a NUL; JSON that is not JSON; another content type),
/// with mutated path ids, queries and headers, by callers with and without a part, with methods no operation has, and
/// with URLs and headers over the gateway's limits: no answer is a 5xx, every 4xx is problem+json, and a refused request
/// stores nothing.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class ContractFuzzTests(NetworkFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20261201;
    private const int RequestsPerOperation = 160;

    private readonly ReferralNetwork _network = fixture.Network;
    private readonly Random _random = new(Seed);

    private static readonly string[] BrokenIds =
        ["not-a-guid", "00000000-0000-0000-0000-000000000000", "%00", "%E2%80%AE", "..%2F..%2Fhealth", new string('9', 600), "-1", "null"];

    private static readonly JsonNode?[] WrongValues =
        [null, 0, -1, 1e308, long.MaxValue, true, "", "\u0000", new string('x', 5000), "🌊🌊", new JsonArray(), new JsonObject(), new JsonArray(1, "a", null)];

    /// <summary>A refusal's <c>errorCodes</c> name every field of its <c>errors</c>, one known code per message (API-v3 §9).</summary>
    private static bool ErrorCodesBesideEveryMessage(JsonNode problem) =>
        problem["errors"] is JsonObject errors && problem["errorCodes"] is JsonObject codes
        && errors.All(e => codes[e.Key] is JsonArray fieldCodes && fieldCodes.Count == e.Value!.AsArray().Count
            && fieldCodes.All(c => Contracts.Codes.ErrorCodes.All.Contains(c!.GetValue<string>())));

    [Fact]
    public async Task The_public_contract_has_every_api_route_of_the_services_with_its_security_and_problem_answers()
    {
        using var anonymous = await _network.ClientAsync();
        var contract = await Scenario.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var routes = _network.Routes
            .Where(r => r.Process != "gateway" && r.Endpoint.RoutePattern.RawText!.StartsWith("/api/"))
            .SelectMany(r => r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(r.Endpoint.RoutePattern.RawText!, ":[a-z]+}", "}").TrimEnd('/')}"))
            .ToHashSet();
        var operations = Operations(contract).ToList();

        Assert.Equal(routes.Order(), operations.Select(o => $"{o.Method} {o.Path}").Order());
        Assert.All(operations, o => Assert.NotNull(o.Operation["responses"]!["422"]));
        // Anonymous is said (an empty list of requirements), not left out; every other operation asks for the bearer token.
        var anonymousOperations = operations.Where(o => o.Operation["security"]!.AsArray().Count == 0).Select(o => $"{o.Method} {o.Path}").Order();
        Assert.All(operations.Where(o => o.Operation["security"]!.AsArray().Count > 0),
            o => Assert.NotNull(o.Operation["security"]![0]![OpenApiContract.BearerScheme]));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary"));
        Assert.Equal(new[]
        {
            "GET /api/matching/hsds", "GET /api/matching/hsds/organizations", "GET /api/matching/hsds/organizations/{id}",
            "GET /api/matching/hsds/service_at_locations", "GET /api/matching/hsds/services", "GET /api/matching/hsds/services/{id}",
            "GET /api/matching/hsds/taxonomies", "GET /api/matching/hsds/taxonomy_terms", "GET /api/matching/municipalities",
            "POST /api/consent/access", "POST /api/consent/youth/sign-in", "POST /api/consent/youth/sign-in/passkey",
            "POST /api/consent/youth/sign-in/passkey-options", "POST /api/intake/self-referrals",
        }.Order(), anonymousOperations);
    }

    [Fact]
    public async Task Generated_and_broken_requests_to_every_operation_never_get_a_5xx_and_every_refusal_is_problem_json()
    {
        using var anonymous = await _network.ClientAsync();
        var contract = await Scenario.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Fuzz High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"乱{Guid.NewGuid():N}"[..8], municipality: Towns.Unique())), HttpStatusCode.Created);
        var (caseId, personId) = (referral["caseId"]!.GetValue<Guid>(), referral["personId"]!.GetValue<Guid>());
        var before = await SnapshotAsync(teacher, caseId, personId);
        // Callers with no part in the school's case: they get its real ids. The school's own worker gets only made-up
        // ids, so whatever it is allowed to do changes nothing of the case either.
        var outsiders = new[]
        {
            anonymous, await _network.ClientAsync("worker", agency: Guid.NewGuid()), await _network.ClientAsync("coordinator"),
            await _network.ClientAsync("youth", person: Guid.NewGuid()), await _network.ClientAsync("agency-admin", agency: Guid.NewGuid()),
        };
        var realIds = new[] { caseId, personId, referral["referralId"]!.GetValue<Guid>() };

        var statuses = new Dictionary<int, int>();
        var wrong = new List<string>();
        var (sent, refusedByKestrel) = (0, 0);
        var slowest = new List<(string Operation, TimeSpan Took)>();
        foreach (var (path, method, operation) in Operations(contract))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < RequestsPerOperation; i++)
            {
                var ours = i % 3 == 0;
                var caller = ours ? teacher : outsiders[i % outsiders.Length];
                using var request = Request(contract, path, method, operation, ours ? [Guid.NewGuid()] : realIds, i);
                // Headers first: an admitted event stream never ends, and its status and type are what is checked.
                using var response = await caller.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                sent++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                refusedByKestrel += RefusedByKestrel(request, response) ? 1 : 0;
                if (status >= 500 || (status >= 400 && !problem && !RefusedByKestrel(request, response)))
                {
                    var line = $"{method} {request.RequestUri} → {status} {response.Content.Headers.ContentType}: {await response.Content.ReadAsStringAsync()}";
                    wrong.Add(line.Length > 400 ? line[..400] : line);
                }
                else if (status == 422 && !ErrorCodesBesideEveryMessage(JsonNode.Parse(await response.Content.ReadAsStringAsync())!))
                {
                    wrong.Add($"{method} {request.RequestUri} → 422 without a code of ErrorCodes beside every message");
                }
            }
            slowest.Add(($"{method} {path}", started.Elapsed));
        }
        // A method no operation of the path has: 405 from the service, as problem+json too (the gateway's 403 comes
        // first where the worker may not use the service at all: the figures).
        foreach (var path in Operations(contract).Select(o => o.Path).Distinct())
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString()));
            using var response = await teacher.SendAsync(request);
            sent++;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            var refusedFirst = response.StatusCode == HttpStatusCode.Forbidden && path.StartsWith("/api/insights/");
            if (!(response.StatusCode == HttpStatusCode.MethodNotAllowed || refusedFirst)
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"PATCH {path} → {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }
        foreach (var (request, name) in OversizedRequests())
        {
            using var _ = request;
            using var response = await anonymous.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || status is not (414 or 431))
            {
                wrong.Add($"{name} → {status} {response.Content.Headers.ContentType}");
            }
        }

        output.WriteLine($"slowest: {string.Join(", ", slowest.OrderByDescending(s => s.Took).Take(5).Select(s => $"{s.Operation} {s.Took.TotalSeconds:0.0} s"))}");
        output.WriteLine($"seed {Seed}: {sent} requests; {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))} " +
            $"({refusedByKestrel} of the 400s by Kestrel, for a NUL in the path); {wrong.Count} wrong");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(30)));
        Assert.True(sent >= 5000, $"only {sent} requests were sent");
        Assert.Equal(before, await SnapshotAsync(teacher, caseId, personId));
    }

    /// <summary>
    /// A NUL in the path (%00) is refused by Kestrel itself while it reads the request line, before any middleware can
    /// answer: a bare 400. The only refusal that is not problem+json; it reaches no service.
    /// </summary>
    private static bool RefusedByKestrel(HttpRequestMessage request, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0
        && request.RequestUri!.AbsolutePath.Contains("%00");

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject contract) =>
        from path in contract["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key.ToUpperInvariant(), operation.Value!.AsObject());

    private HttpRequestMessage Request(JsonObject contract, string path, string method, JsonObject operation, Guid[] ids, int variant)
    {
        var url = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            url.Append(segment.StartsWith('{') ? (variant % 4 == 1 ? Pick(BrokenIds) : Pick(ids).ToString()) : segment).Append('/');
        }
        url.Length--;
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["in"]!.GetValue<string>() == "query" && _random.Next(3) > 0)
            {
                var value = variant % 2 == 0 ? Generate(contract, parameter["schema"], 0) : Pick(WrongValues);
                query.Add($"{parameter["name"]}={Uri.EscapeDataString(value is JsonValue v ? v.ToString() : value?.ToJsonString() ?? "")}");
            }
        }
        if (variant % 7 == 3)
        {
            query.Add($"unexpected={Uri.EscapeDataString(Pick(BrokenIds))}");
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (variant % 5 == 2)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Pick(["", new string('k', 300), "\u0001", "two words\t", Guid.NewGuid().ToString()]));
        }
        if (variant % 11 == 4)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", new string('a', 4000));
        }
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
        {
            request.Content = Body(contract, schema, variant);
        }
        else if (variant % 6 == 5)
        {
            request.Content = new StringContent("{\"unexpected\":true}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private HttpContent Body(JsonObject contract, JsonNode schema, int variant)
    {
        var body = Generate(contract, schema, 0);
        switch (variant % 8)
        {
            case 0:
                break; // as the schema says
            case 1 when body is JsonObject fields && fields.Count > 0:
                fields.Remove(fields.ElementAt(_random.Next(fields.Count)).Key);
                break;
            case 2 when body is JsonObject fields && fields.Count > 0:
                fields[fields.ElementAt(_random.Next(fields.Count)).Key] = Pick(WrongValues)?.DeepClone();
                break;
            case 3:
                Mutate(body);
                break;
            case 4:
                return new StringContent(Pick(["{", "[1,2", "nul", "\"text\"", "{\"a\":}", "{\"needs\":[" + new string('[', 300)]), Encoding.UTF8, "application/json");
            case 5:
                return new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded"]));
            case 6:
                return new StringContent("", Encoding.UTF8, "application/json");
            default:
                body = Pick(WrongValues)?.DeepClone();
                break;
        }
        return new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");
    }

    /// <summary>Breaks one value somewhere inside: deep fields get wrong values too.</summary>
    private void Mutate(JsonNode? node)
    {
        if (node is JsonObject fields && fields.Count > 0)
        {
            var key = fields.ElementAt(_random.Next(fields.Count)).Key;
            if (fields[key] is JsonObject or JsonArray && _random.Next(2) == 0)
            {
                Mutate(fields[key]);
            }
            else
            {
                fields[key] = Pick(WrongValues)?.DeepClone();
            }
        }
        else if (node is JsonArray items)
        {
            for (var i = 0; i < 1000; i++)
            {
                items.Add(Pick(WrongValues)?.DeepClone());
            }
        }
    }

    /// <summary>A value the schema allows, as far as the schema says (enumerations and codes are the service's rules).</summary>
    private JsonNode? Generate(JsonObject contract, JsonNode? schema, int depth)
    {
        if (schema is null || depth > 6)
        {
            return "x";
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Generate(contract, contract["components"]!["schemas"]![reference.Split('/')[^1]], depth + 1);
        }
        if (schema["oneOf"] is JsonArray choices)
        {
            return Generate(contract, choices.FirstOrDefault(c => c?["type"]?.ToString() != "null") ?? choices[0], depth + 1);
        }
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var format = schema["format"]?.GetValue<string>();
        return types.FirstOrDefault() switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p =>
                KeyValuePair.Create(p.Key, Generate(contract, p.Value, depth + 1)))),
            "array" => new JsonArray(Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Generate(contract, schema["items"], depth + 1)).ToArray()),
            "integer" => _random.Next(-1, 2), // small: `wait` is a long poll's seconds, and a large limit is clamped anyway
            "number" => _random.NextDouble() * 100,
            "boolean" => _random.Next(2) == 0,
            _ when format == "uuid" => Guid.NewGuid().ToString(),
            _ when format == "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-_random.Next(0, 30 * 365))).ToString("yyyy-MM-dd"),
            _ when format == "date-time" => DateTimeOffset.UtcNow.AddDays(_random.Next(-400, 400)).ToString("O"),
            _ => Pick(["mental-health", "routine", "school", "online", "coordination", "contact", "network", "ja", "Setagaya", "other", "テスト", "a"]),
        };
    }

    private static IEnumerable<(HttpRequestMessage Request, string Name)> OversizedRequests()
    {
        for (var i = 0; i < 5; i++)
        {
            yield return (new HttpRequestMessage(HttpMethod.Get, $"/api/matching/services?need={new string('n', 9000 + i * 1000)}"), "a 9–13 KiB URL");
            var headers = new HttpRequestMessage(HttpMethod.Get, "/api/matching/services");
            for (var h = 0; h < 5 + i; h++)
            {
                headers.Headers.TryAddWithoutValidation($"X-Padding-{h}", new string('p', 7000));
            }
            yield return (headers, "35–63 KiB of headers");
        }
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    /// <summary>What a refused request must not change, as the school's own worker reads it.</summary>
    private static async Task<string> SnapshotAsync(HttpClient teacher, Guid caseId, Guid personId)
    {
        var view = await Scenario.ReadAsync(await teacher.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.OK);
        var consents = await Scenario.ReadAsync(await Scenario.UntilKnownAsync(
            () => teacher.GetAsync($"/api/consent/persons/{personId}/consents"), "the consent service to know the person"), HttpStatusCode.OK);
        return $"{view["status"]} {view["leadAgencyId"]} {view["participants"]!.ToJsonString()} {view["timeline"]!.AsArray().Count} {view["mergedInto"]} " +
            consents["items"]!.ToJsonString();
    }
}
