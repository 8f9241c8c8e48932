using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.BuildingBlocks.Places;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Demo;

/// <summary>
/// A generated directory of many services brought in the way an agency brings its listings: HSDS 3.0 organizations
/// with their services, through the import, one organization a request. Prints the import's throughput (and a second
/// import of the same records, which changes nothing), then times a worker's directory search through the gateway
/// against a baseline of plain gateway round trips. ReferralNet's taxonomy ids are read from the HSDS API, as any
/// importing system would read them.
/// </summary>
public static class DirectoryBenchmark
{
    private static readonly string[] Towns = ["Setagaya", .. MunicipalityRegister.Japan.All.Where(p => p.City is null).Take(59).Select(p => p.Code)];
    private static readonly string[] JapaneseWords = ["ひきこもり", "オンライン", "相談", "居場所", "就労", "学び直し", "家族", "訪問"];
    private static readonly string[] EnglishWords = ["peer", "online", "counselling", "drop-in", "job", "family", "visit", "learning"];

    public static async Task RunAsync(GatewayClient gateway, int services, int perOrganization, int searches, int searchRate)
    {
        using var coordinator = await gateway.AsAsync("directory-benchmark", "coordinator");
        var terms = await TermsAsync(gateway);
        var random = new Random(14);
        var run = Guid.NewGuid().ToString("N")[..6];
        var organizations = Enumerable.Range(0, (services + perOrganization - 1) / perOrganization)
            .Select(o => Organization(random, terms, run, o, Math.Min(perOrganization, services - o * perOrganization)))
            .ToList();

        if (organizations.Count > 0)
        {
            await ImportAllAsync(coordinator, organizations, services, perOrganization);
        }
        var workers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            gateway.AsAsync($"directory-benchmark-worker-{i}", "worker", Guid.NewGuid())));
        var queries = Enumerable.Range(0, searches + 200).Select(_ => Query(random)).ToList();
        foreach (var query in queries.Take(200))
        {
            (await workers[0].GetAsync(query)).EnsureSuccessStatusCode(); // warm-up, not measured
        }
        // At a steady rate from four workers (each user's rate limit is 100 requests a second).
        var measured = await Measure.AtRateAsync(searches, searchRate, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            var page = await GatewayClient.ReadAsync(await workers[i % workers.Length].GetAsync(queries[200 + i]), HttpStatusCode.OK);
            return (Ms: Stopwatch.GetElapsedTime(started).TotalMilliseconds, Found: page["items"]!.AsArray().Count);
        });
        var latencies = measured.Select(m => m.Ms).ToList();
        var found = measured.Sum(m => (long)m.Found);
        var baseline = await Measure.BaselineAsync(gateway);
        Console.WriteLine($"  search (GET /api/matching/services/search, {searches} queries at {searchRate}/s, {found / (double)searches:0.0} results each)");
        Console.WriteLine($"                                  p50 {Measure.Percentile(latencies, 0.5):0.0} ms, p99 {Measure.Percentile(latencies, 0.99):0.0} ms, max {latencies.Max():0.0} ms");
        Console.WriteLine($"  baseline GET /health/live     : p50 {Measure.Percentile(baseline, 0.5):0.00} ms, p99 {Measure.Percentile(baseline, 0.99):0.00} ms");
        Console.WriteLine($"  ratio search p99 / baseline p99: {Measure.Percentile(latencies, 0.99) / Measure.Percentile(baseline, 0.99):0.0}x");
    }

    private static async Task ImportAllAsync(HttpClient coordinator, List<JsonObject> organizations, int services, int perOrganization)
    {
        Console.WriteLine($"Importing {services} services of {organizations.Count} organizations ({perOrganization} each, one organization a request)...");
        var (took, perRequest, created) = await ImportAsync(coordinator, organizations);
        Console.WriteLine($"  import                        : {created} records created in {took.TotalSeconds:0.0} s = {services / took.TotalSeconds:0} services/s; " +
            $"per request p50 {Measure.Percentile(perRequest, 0.5):0} ms, p99 {Measure.Percentile(perRequest, 0.99):0} ms");
        var again = organizations.Take(20).ToList();
        var (tookAgain, _, createdAgain) = await ImportAsync(coordinator, again);
        Console.WriteLine($"  the same {again.Count} organizations again : {createdAgain} created, in {tookAgain.TotalSeconds:0.0} s " +
            $"({again.Sum(o => o["services"]!.AsArray().Count) / tookAgain.TotalSeconds:0} services/s, nothing changed)");
    }

    private static async Task<(TimeSpan Took, List<double> PerRequest, int Created)> ImportAsync(HttpClient coordinator, List<JsonObject> organizations)
    {
        var perRequest = new List<double>(organizations.Count);
        var created = 0;
        var clock = Stopwatch.StartNew();
        foreach (var organization in organizations)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await GatewayClient.ReadAsync(await coordinator.PostAsJsonAsync("/api/matching/hsds/import", organization), HttpStatusCode.OK);
            perRequest.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result["rejected"]!.AsArray().Count > 0)
            {
                throw new InvalidOperationException($"The import refused records: {result["rejected"]}");
            }
            created += result["created"]!.GetValue<int>();
        }
        return (clock.Elapsed, perRequest, created);
    }

    /// <summary>ReferralNet's term ids by code (needs, modalities, facts), from the HSDS API.</summary>
    private static async Task<Dictionary<string, string>> TermsAsync(GatewayClient gateway)
    {
        var page = await GatewayClient.ReadAsync(await gateway.Anonymous.GetAsync("/api/matching/hsds/taxonomy_terms?per_page=200"), HttpStatusCode.OK);
        var terms = new Dictionary<string, string>();
        // ReferralNet's own terms come first; a code another taxonomy uses too is not theirs.
        foreach (var term in page["contents"]!.AsArray().Where(t => t!["code"] is not null))
        {
            terms.TryAdd(term!["code"]!.GetValue<string>(), term["id"]!.GetValue<string>());
        }
        return terms;
    }

    private static string Query(Random random)
    {
        var words = random.Next(2) == 0 ? JapaneseWords : EnglishWords;
        var query = $"/api/matching/services/search?q={Uri.EscapeDataString(words[random.Next(words.Length)])}";
        return random.Next(4) switch
        {
            0 => $"{query}&need={Pick(random, [.. Needs.All])}",
            1 => $"{query}&municipality={Pick(random, Towns)}",
            2 => $"{query}&modality={Pick(random, [.. Modalities.All])}",
            _ => query,
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static JsonObject Organization(Random random, Dictionary<string, string> terms, string run, int index, int serviceCount)
    {
        var id = Guid.NewGuid().ToString();
        JsonObject Attribute(string code, string? value = null)
        {
            var attribute = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["taxonomy_term_id"] = terms[code] };
            if (value is not null)
            {
                attribute["value"] = value;
            }
            return attribute;
        }
        var services = new JsonArray();
        for (var s = 0; s < serviceCount; s++)
        {
            var serviceId = Guid.NewGuid().ToString();
            var (japanese, english) = (Pick(random, JapaneseWords), Pick(random, EnglishWords));
            var attributes = new JsonArray();
            foreach (var need in Needs.All.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                attributes.Add(Attribute(need));
            }
            foreach (var modality in Modalities.All.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
            {
                attributes.Add(Attribute(modality));
            }
            var maximum = random.Next(5, 30);
            attributes.Add(Attribute(DirectoryFacts.PlacesMaximum, $"{maximum}"));
            attributes.Add(Attribute(DirectoryFacts.PlacesAvailable, $"{random.Next(0, maximum + 1)}"));
            attributes.Add(Attribute(DirectoryFacts.WaitWeeks, $"{random.Next(0, 8)}"));
            attributes.Add(Attribute(DirectoryFacts.Fee, Pick(random, [.. Fees.All])));
            if (random.Next(3) == 0)
            {
                attributes.Add(Attribute(DirectoryFacts.PublishedForSelfReferral));
            }
            var service = new JsonObject
            {
                ["id"] = serviceId, ["name"] = $"{japanese}の会 {english} {run}-{index}-{s}", ["status"] = "active",
                ["description"] = $"{japanese}を大切にする支援です。A {english} service for young people.",
                ["minimum_age"] = random.Next(12, 19), ["maximum_age"] = random.Next(25, 45),
                ["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = "ja", ["name"] = "Japanese" }),
                ["attributes"] = attributes,
            };
            // One service in ten serves everyone (no area limit), as online services often do.
            if (random.Next(10) != 0)
            {
                service["service_areas"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = Pick(random, Towns) });
            }
            services.Add(service);
        }
        return new JsonObject
        {
            ["id"] = id, ["name"] = $"Generated organization {run}-{index}", ["description"] = "An organization of the generated directory.",
            ["attributes"] = new JsonArray(Attribute(DirectoryFacts.AgencyKind, Pick(random, [.. AgencyKinds.All])), Attribute(DirectoryFacts.Municipality, Pick(random, Towns))),
            ["services"] = services,
        };
    }
}
