using System.Net;
using System.Text.Json.Nodes;
using ReferralNet.Matching.Tests.Features.Hsds;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.HsdsImport;

/// <summary>
/// The example documents Open Referral publishes with HSDS 3.0 (docs/hsds-3.0/examples, from the standard's
/// repository), imported as they are and read back through the standard's API: what ReferralNet does not use is kept.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class StandardExamplesTests(NetworkFixture fixture)
{
    private static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hsds-3.0", "examples", $"{name}.json")))!.AsObject();

    [Fact]
    public async Task Every_example_document_of_the_standard_imports_unchanged_and_reads_back_as_it_came()
    {
        using var coordinator = await fixture.Network.ClientAsync("coordinator");
        // Each is read back right after its import (the examples share ids, and a later one changes a record again).
        // The service with its organization nested comes first: that organization is new to the directory then.
        var examples = new (string Name, Func<JsonObject, Task> ReadsBack)[]
        {
            ("service_full", async service =>
            {
                await AssertReadsBackAsync(coordinator, "services", service);
                await AssertReadsBackAsync(coordinator, "organizations", service["organization"]!.AsObject());
            }),
            ("organization_full", organization => AssertReadsBackAsync(coordinator, "organizations", Without(organization, "services"))),
            ("service_list", async page =>
            {
                foreach (var service in page["contents"]!.AsArray())
                {
                    await AssertReadsBackAsync(coordinator, "services", service!.AsObject());
                }
            }),
            ("organization_list", async page =>
            {
                foreach (var organization in page["contents"]!.AsArray())
                {
                    await AssertReadsBackAsync(coordinator, "organizations", Without(organization!.AsObject(), "services"));
                }
            }),
            ("service_at_location_full", place => AssertPlaceReadsBackAsync(coordinator, place)),
            ("service_at_location_list", async page =>
            {
                foreach (var place in page["contents"]!.AsArray())
                {
                    await AssertPlaceReadsBackAsync(coordinator, place!.AsObject());
                }
            }),
            ("taxonomy", taxonomy => AssertListedAsync(coordinator, "taxonomies", taxonomy)),
            ("taxonomy_list", page => AssertListedAsync(coordinator, "taxonomies", page["contents"]![0]!.AsObject())),
            ("taxonomy_term", term => AssertListedAsync(coordinator, "taxonomy_terms", term)),
            ("taxonomy_term_list", page => AssertListedAsync(coordinator, "taxonomy_terms", page["contents"]![0]!.AsObject())),
        };
        foreach (var (name, readsBack) in examples)
        {
            var result = await HsdsSamples.ImportAsync(coordinator, Example(name));

            Assert.True(result["rejected"]!.AsArray().Count == 0, $"{name}: {result}");
            await readsBack(Example(name));
        }
    }

    [Fact]
    public async Task A_long_service_area_name_the_standard_allows_is_kept_whole()
    {
        using var coordinator = await fixture.Network.ClientAsync("coordinator");
        var service = ExampleServiceOfItsOwn();
        var longName = string.Concat(Enumerable.Repeat("隣の町と海辺の村まで、", 40));
        service["service_areas"]![0]!["name"] = longName;

        var result = await HsdsSamples.ImportAsync(coordinator, service);

        Assert.True(result["rejected"]!.AsArray().Count == 0, result.ToString());
        var read = await ReadAsync(coordinator, "services", service["id"]!.GetValue<string>());
        Assert.Equal(longName, read["service_areas"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_service_sent_at_one_more_location_keeps_the_places_it_had()
    {
        using var coordinator = await fixture.Network.ClientAsync("coordinator");
        var service = ExampleServiceOfItsOwn();
        await HsdsSamples.ImportAsync(coordinator, service.DeepClone());
        var had = service["service_at_locations"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        var atLocation = Example("service_at_location_full");
        var placeId = Guid.NewGuid().ToString();
        atLocation["id"] = placeId;
        atLocation["service"] = Without(service, "service_at_locations");

        var result = await HsdsSamples.ImportAsync(coordinator, atLocation);

        Assert.True(result["rejected"]!.AsArray().Count == 0, result.ToString());
        var read = await ReadAsync(coordinator, "services", service["id"]!.GetValue<string>());
        Assert.Equal([.. had, placeId], read["service_at_locations"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    /// <summary>The standard's example service under ids of its own (and a new organization), apart from every other test's.</summary>
    private static JsonObject ExampleServiceOfItsOwn()
    {
        var service = Example("service_full");
        var serviceId = Guid.NewGuid().ToString();
        service["id"] = serviceId;
        service["organization"]!["id"] = Guid.NewGuid().ToString();
        foreach (var nested in service.DescendantsWithKey("service_id").ToList())
        {
            nested["service_id"] = serviceId;
        }
        return service;
    }

    private static async Task AssertReadsBackAsync(HttpClient client, string collection, JsonObject expected)
    {
        var read = await ReadAsync(client, collection, expected["id"]!.GetValue<string>());
        read.Remove(collection == "services" ? "organization" : "services");
        expected = collection == "services" ? Without(Resolved(expected), "organization") : expected;
        Assert.True(JsonNode.DeepEquals(WithoutNulls(expected), read), $"{collection}/{expected["id"]} read back differs: {FirstDifference(WithoutNulls(expected), read)}");
    }

    /// <summary>A service at a location is kept as a place of its service.</summary>
    private static async Task AssertPlaceReadsBackAsync(HttpClient client, JsonObject atLocation)
    {
        var service = await ReadAsync(client, "services", atLocation["service"]!["id"]!.GetValue<string>());
        var place = service["service_at_locations"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == atLocation["id"]!.GetValue<string>());
        var expected = Resolved(new JsonObject { ["id"] = service["id"]!.DeepClone(), ["service_at_locations"] = new JsonArray(Without(atLocation, "service")) })
            ["service_at_locations"]![0]!;
        Assert.True(JsonNode.DeepEquals(WithoutNulls(expected), place),
            $"service at location {atLocation["id"]} read back differs: {FirstDifference(WithoutNulls(expected), place)}");
    }

    private static async Task AssertListedAsync(HttpClient client, string collection, JsonObject expected)
    {
        var page = await Scenario.ReadAsync(await client.GetAsync($"/api/matching/hsds/{collection}?per_page=100"), HttpStatusCode.OK);
        var listed = page["contents"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == expected["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(WithoutNulls(expected), listed), $"{collection} lists it otherwise: {FirstDifference(WithoutNulls(expected), listed)}");
    }

    /// <summary>Where two documents first differ, as a path with both values: a failure says what was lost or changed.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string at = "")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(e[key], a[key]))
                    {
                        return FirstDifference(e[key], a[key], $"{at}/{key}");
                    }
                }
                return "";
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i]))
                    {
                        return FirstDifference(e[i], a[i], $"{at}/{i}");
                    }
                }
                return "";
            default:
                return $"{at}: imported {expected?.ToJsonString() ?? "nothing"}, read {actual?.ToJsonString() ?? "nothing"}";
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, string collection, string id) =>
        await Scenario.ReadAsync(await client.GetAsync($"/api/matching/hsds/{collection}/{id}"), HttpStatusCode.OK);

    /// <summary>
    /// A service as the read API serves it: it names its organization (nested in the example), and each place names its
    /// service and its location.
    /// </summary>
    private static JsonObject Resolved(JsonObject service)
    {
        var copy = service.DeepClone().AsObject();
        copy["organization_id"] ??= copy["organization"]?["id"]?.DeepClone();
        foreach (var place in copy["service_at_locations"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            place["service_id"] ??= copy["id"]!.DeepClone();
            place["location_id"] ??= place["location"]?["id"]?.DeepClone();
        }
        return copy;
    }

    private static JsonObject Without(JsonObject record, string field)
    {
        var copy = record.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }

    /// <summary>The import reads a null as a field left out (the standard allows either), and so the read API serves it.</summary>
    private static JsonNode WithoutNulls(JsonNode node) => Matching.Features.Hsds.HsdsJson.WithoutNulls(node.DeepClone())!;
}

internal static class JsonNodeSearch
{
    /// <summary>Every object under <paramref name="node"/> (itself included) that has <paramref name="key"/>.</summary>
    public static IEnumerable<JsonObject> DescendantsWithKey(this JsonNode node, string key) => node switch
    {
        JsonObject o => (o.ContainsKey(key) ? [o] : Enumerable.Empty<JsonObject>()).Concat(o.Select(p => p.Value).OfType<JsonNode>().SelectMany(v => v.DescendantsWithKey(key))),
        JsonArray a => a.OfType<JsonNode>().SelectMany(v => v.DescendantsWithKey(key)),
        _ => [],
    };
}
