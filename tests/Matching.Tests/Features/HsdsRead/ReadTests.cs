using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Tests.Features.Hsds;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.HsdsRead;

/// <summary>The directory read as the HSDS 3.0 API profile serves it, through the gateway.</summary>
[Collection(NetworkCollection.Name)]
public sealed class ReadTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>An organization of the test's own with a published service, an unpublished one, and a place at its office.</summary>
    private async Task<(Guid Organization, Guid Published, Guid Unpublished, string Marker)> DirectoryAsync()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var (organization, town, marker) = (Guid.NewGuid(), Towns.Unique(), $"m{Guid.NewGuid():N}"[..10]);
        var published = HsdsSamples.FullService(organization, town, marker);
        var unpublished = HsdsSamples.FullService(organization, town, marker);
        unpublished["attributes"] = new JsonArray(unpublished["attributes"]!.AsArray()
            .Where(a => Guid.Parse(a!["taxonomy_term_id"]!.ToString()) != ReferralNetTaxonomy.FactTerm(DirectoryFacts.PublishedForSelfReferral))
            .Select(a => a!.DeepClone()).ToArray());
        var result = await HsdsSamples.ImportAsync(coordinator,
            HsdsSamples.Organization(organization, $"Read CSO {marker}", "cso", new JsonArray(published, unpublished)));
        Assert.Equal(3, result["created"]!.GetValue<int>());
        return (organization, HsdsSamples.IdOf(published), HsdsSamples.IdOf(unpublished), marker);
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string path) =>
        await Scenario.ReadAsync(await client.GetAsync($"/api/matching/hsds{path}"), HttpStatusCode.OK);

    private static IReadOnlyList<Guid> Ids(JsonObject page) => [.. page["contents"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>())];

    [Fact]
    public async Task Every_list_and_object_the_read_api_serves_validates_against_the_standards_compiled_schemas()
    {
        var (organization, published, _, _) = await DirectoryAsync();
        using var worker = await _network.ClientAsync("worker", agency: organization);

        var checks = new (string Schema, JsonNode Instance)[]
        {
            ("service.json", await GetAsync(worker, $"/services/{published}")),
            ("organization.json", await GetAsync(worker, $"/organizations/{organization}")),
            ("organization.json", await GetAsync(worker, $"/organizations/{organization}?full_service=true")),
        }.ToList();
        foreach (var (path, schema) in new[]
        {
            ($"/services?organization_id={organization}", "service_list.json"),
            ($"/services?organization_id={organization}&full=true", "service.json"),
            ("/organizations?per_page=20", "organization_list.json"),
            ("/organizations?per_page=5&full=true", "organization.json"),
            ($"/service_at_locations?organization_id={organization}", "service_at_location.json"),
            ($"/service_at_locations?organization_id={organization}&full=true", "service_at_location.json"),
        })
        {
            var page = await GetAsync(worker, path);
            Assert.NotEmpty(page["contents"]!.AsArray());
            checks.AddRange(page["contents"]!.AsArray().Select(c => (schema, c!)));
        }

        Assert.All(checks, check => Assert.Empty(HsdsSamples.Violations(check.Schema, check.Instance)));
    }

    [Fact]
    public async Task Lists_are_paged_as_the_api_profile_pages_them()
    {
        var (organization, _, _, _) = await DirectoryAsync();
        using var worker = await _network.ClientAsync("worker", agency: organization);

        var first = await GetAsync(worker, $"/services?organization_id={organization}&per_page=1");
        var second = await GetAsync(worker, $"/services?organization_id={organization}&per_page=1&page=2");
        var places = await GetAsync(worker, $"/service_at_locations?organization_id={organization}&per_page=3");

        Assert.Equal((2, 2, 1, 1, true, false, false), Envelope(first));
        Assert.Equal((2, 2, 2, 1, false, true, false), Envelope(second));
        Assert.NotEqual(Ids(first), Ids(second));
        Assert.Equal(4, places["total_items"]!.GetValue<int>()); // two places of each service
        Assert.All(places["contents"]!.AsArray(), p => Assert.Null(p!["location"])); // one-to-one fields only
    }

    private static (int, int, int, int, bool, bool, bool) Envelope(JsonObject page) => (
        page["total_items"]!.GetValue<int>(), page["total_pages"]!.GetValue<int>(), page["page_number"]!.GetValue<int>(), page["size"]!.GetValue<int>(),
        page["first_page"]!.GetValue<bool>(), page["last_page"]!.GetValue<bool>(), page["empty"]!.GetValue<bool>());

    [Fact]
    public async Task Without_an_account_only_the_services_their_agencies_published_can_be_read_and_every_agency_by_name()
    {
        var (organization, published, unpublished, _) = await DirectoryAsync();
        var hidden = await new Scenario(_network).CreateAgencyAsync("clinic", "Unpublished Clinic");
        using var anonymous = await _network.ClientAsync();
        using var youngPerson = await _network.ClientAsync("youth", person: Guid.NewGuid());
        using var worker = await _network.ClientAsync("worker", agency: hidden);

        foreach (var visitor in new[] { anonymous, youngPerson })
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/matching/hsds/services/{published}")).StatusCode);
            await Scenario.ReadProblemAsync(await visitor.GetAsync($"/api/matching/hsds/services/{unpublished}"), HttpStatusCode.NotFound);
            Assert.Equal([published], Ids(await GetAsync(visitor, $"/services?organization_id={organization}")));
            var whole = await GetAsync(visitor, $"/organizations/{organization}");
            Assert.Equal([published], whole["services"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
            // The agencies are no secret; their services are, until published.
            Assert.Empty((await GetAsync(visitor, $"/organizations/{hidden}"))["services"]!.AsArray());
            Assert.Equal(2, (await GetAsync(visitor, $"/service_at_locations?organization_id={organization}"))["total_items"]!.GetValue<int>());
        }
        Assert.Equal(2, (await GetAsync(worker, $"/services?organization_id={organization}"))["total_items"]!.GetValue<int>());
        Assert.Equal(2, (await GetAsync(worker, $"/organizations/{organization}"))["services"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_api_profiles_filters_find_services_by_term_taxonomy_words_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (organization, published, unpublished, marker) = await DirectoryAsync();
        using var worker = await _network.ClientAsync("worker", agency: organization);
        var mentalHealth = ReferralNetTaxonomy.NeedTerm(Needs.MentalHealth);

        Assert.Equal(2, (await GetAsync(worker, $"/services?organization_id={organization}&taxonomy_term_id={mentalHealth}"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync(worker, $"/services?organization_id={organization}&taxonomy_term_id={ReferralNetTaxonomy.NeedTerm(Needs.Housing)}"))["total_items"]!.GetValue<int>());
        Assert.Equal(2, (await GetAsync(worker, $"/services?organization_id={organization}&taxonomy_id={HsdsSamples.OpenEligibility}"))["total_items"]!.GetValue<int>());
        Assert.Equal(
            new[] { published, unpublished }.Order(),
            Ids(await GetAsync(worker, $"/services?search={Uri.EscapeDataString($"ひきこもり {marker}")}")).Order());
        Assert.Equal(2, (await GetAsync(worker, $"/services?organization_id={organization}&modified_after={Uri.EscapeDataString(before.ToString("O"))}"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync(worker, $"/services?organization_id={organization}&modified_after={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}"))["total_items"]!.GetValue<int>());
        var terms = await GetAsync(worker, $"/taxonomy_terms?taxonomy_id={ReferralNetTaxonomy.NeedsTaxonomy.Id}&per_page=200");
        Assert.Equal(Needs.All.Order(), terms["contents"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).Order());
        var taxonomies = await GetAsync(worker, "/taxonomies?per_page=200");
        Assert.Contains(HsdsSamples.OpenEligibility, Ids(taxonomies));
        Assert.Contains(ReferralNetTaxonomy.FactsTaxonomy.Id, Ids(taxonomies));
    }

    [Fact]
    public async Task The_v1_directory_endpoints_keep_working_on_top_of_the_HSDS_directory()
    {
        var scenario = new Scenario(_network);
        var agency = await scenario.CreateAgencyAsync("cso", "V1 Peers");
        using var admin = await _network.ClientAsync("agency-admin", agency: agency);
        var town = Towns.Unique();
        var created = await scenario.CreateServiceAsync(agency, "Online peers", ["social-connection"], ["online-chat", "in-person"], municipality: town);

        var hsds = await GetAsync(admin, $"/services/{created}");
        var changed = await Scenario.ReadAsync(await admin.PutAsJsonAsync($"/api/matching/services/{created}/capacity",
            new { available = 0, maximum = 20, waitWeeks = 3 }), HttpStatusCode.OK);
        var after = await GetAsync(admin, $"/services/{created}");

        Assert.Empty(HsdsSamples.Violations("service.json", hsds));
        Assert.Equal(agency, hsds["organization_id"]!.GetValue<Guid>());
        var online = Assert.Single(hsds["service_at_locations"]!.AsArray())!;
        Assert.Equal(("virtual", HsdsTranslation.OnlineLocationName), (online["location"]!["location_type"]!.GetValue<string>(), online["location"]!["name"]!.GetValue<string>()));
        // The area named as a place is written in Japanese with its prefecture (岐阜県関ケ原町), whatever code it was given as.
        Assert.Equal([Towns.FullNameOf(town)], hsds["service_areas"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Contains(hsds["attributes"]!.AsArray(), a => a!["taxonomy_term_id"]!.GetValue<Guid>() == ReferralNetTaxonomy.NeedTerm(Needs.SocialConnection));
        Assert.Equal((0, 20, 3), (changed["capacity"]!["available"]!.GetValue<int>(), changed["capacity"]!["maximum"]!.GetValue<int>(), changed["capacity"]!["waitWeeks"]!.GetValue<int>()));
        Assert.Equal("3", after["attributes"]!.AsArray().Single(a => a!["taxonomy_term_id"]!.GetValue<Guid>() == ReferralNetTaxonomy.FactTerm(DirectoryFacts.WaitWeeks))!["value"]!.GetValue<string>());
        // The rest of the document stays as it was.
        Assert.Equal(hsds["service_at_locations"]!.ToJsonString(), after["service_at_locations"]!.ToJsonString());
        Assert.Equal(hsds["service_areas"]!.ToJsonString(), after["service_areas"]!.ToJsonString());
    }

    [Fact]
    public async Task A_v1_edit_of_an_imported_service_keeps_what_v1_does_not_describe()
    {
        var (organization, published, _, _) = await DirectoryAsync();
        using var admin = await _network.ClientAsync("agency-admin", agency: organization);
        var before = await GetAsync(admin, $"/services/{published}");
        var v1 = await Scenario.ReadAsync(await admin.GetAsync($"/api/matching/services/{published}"), HttpStatusCode.OK);
        v1["name"] = "Renamed through v1";
        v1["needs"] = new JsonArray("mental-health", "social-connection");

        await Scenario.ReadAsync(await admin.PutAsJsonAsync($"/api/matching/services/{published}", v1), HttpStatusCode.OK);
        var after = await GetAsync(admin, $"/services/{published}");

        Assert.Equal("Renamed through v1", after["name"]!.GetValue<string>());
        foreach (var kept in new[] { "schedules", "contacts", "phones", "funding", "service_at_locations", "cost_options", "url", "alternate_name" })
        {
            Assert.Equal(before[kept]!.ToJsonString(), after[kept]!.ToJsonString());
        }
        Assert.Contains(after["attributes"]!.AsArray(), a => a!["taxonomy_term"]?["name"]?.GetValue<string>() == "Counseling");
        Assert.Empty(HsdsSamples.Violations("service.json", after));
    }
}
