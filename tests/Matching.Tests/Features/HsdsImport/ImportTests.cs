using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Tests.Features.Hsds;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.HsdsImport;

/// <summary>Importing HSDS 3.0 documents through the gateway, as another system would, on the real servers.</summary>
[Collection(NetworkCollection.Name)]
public sealed class ImportTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static string Town() => Towns.Unique();

    private static string Marker() => $"m{Guid.NewGuid():N}"[..10];

    private static JsonArray List(params JsonNode[] records) => new(records);

    private async Task<(Guid Agency, HttpClient Coordinator, HttpClient Worker)> AgencyAsync(string kind = "cso")
    {
        var agency = await new Scenario(_network).CreateAgencyAsync(kind, $"Import {kind}");
        return (agency, await _network.ClientAsync("coordinator"), await _network.ClientAsync("worker", agency: agency));
    }

    [Fact]
    public async Task A_full_service_is_stored_with_every_sub_object_and_reads_back_as_it_was_imported()
    {
        var (agency, coordinator, worker) = await AgencyAsync();
        var town = Town();
        var service = HsdsSamples.FullService(agency, town, Marker());
        var id = HsdsSamples.IdOf(service);

        var result = await HsdsSamples.ImportAsync(coordinator, service);

        Assert.Equal((1, 0, 0), (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["rejected"]!.AsArray().Count));
        var read = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/services/{id}"), HttpStatusCode.OK);
        Assert.Empty(HsdsSamples.Violations("service.json", read));
        Assert.Equal(agency, read["organization"]!["id"]!.GetValue<Guid>());
        read.Remove("organization");
        Assert.True(JsonNode.DeepEquals(service, read), $"imported:\n{service}\nread:\n{read}");

        // ReferralNet's reading of it: its terms, its area, its places, its published flag.
        var v1 = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/services/{id}"), HttpStatusCode.OK);
        Assert.Equal(["mental-health"], v1["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["online-chat"], v1["modalities"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([town], v1["municipalities"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal((4, 12, 0), (v1["capacity"]!["available"]!.GetValue<int>(), v1["capacity"]!["maximum"]!.GetValue<int>(), v1["capacity"]!["waitWeeks"]!.GetValue<int>()));
        Assert.Equal(("free", 15, 39), (v1["fee"]!.GetValue<string>(), v1["ageMin"]!.GetValue<int>(), v1["ageMax"]!.GetValue<int>()));
        Assert.True(v1["public"]!.GetValue<bool>());
        Assert.False(v1["unmapped"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Importing_the_same_records_again_changes_nothing_and_a_changed_record_is_updated()
    {
        var (agency, coordinator, worker) = await AgencyAsync();
        var (town, marker) = (Town(), Marker());
        var first = HsdsSamples.FullService(agency, town, marker);
        var second = HsdsSamples.FullService(agency, town, marker);

        var created = await HsdsSamples.ImportAsync(coordinator, List(first.DeepClone(), second.DeepClone()));
        var again = await HsdsSamples.ImportAsync(coordinator, List(first.DeepClone(), second.DeepClone()));
        first["name"] = $"Renamed {marker}";
        var changed = await HsdsSamples.ImportAsync(coordinator, List(first.DeepClone(), second.DeepClone()));

        Assert.Equal((2, 0, 0), Counts(created));
        Assert.Equal((0, 0, 2), Counts(again));
        Assert.Equal((0, 1, 1), Counts(changed));
        var read = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/services/{first["id"]}"), HttpStatusCode.OK);
        Assert.Equal($"Renamed {marker}", read["name"]!.GetValue<string>());
        var listed = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/services?organization_id={agency}"), HttpStatusCode.OK);
        Assert.Equal(2, listed["total_items"]!.GetValue<int>());
    }

    private static (int, int, int) Counts(JsonObject result) =>
        (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>());

    [Fact]
    public async Task Invalid_records_are_refused_with_their_reasons_and_nothing_of_them_is_stored()
    {
        var (agency, coordinator, worker) = await AgencyAsync();
        var (town, marker) = (Town(), Marker());
        var valid = HsdsSamples.FullService(agency, town, marker);
        var badLocation = HsdsSamples.FullService(agency, town, marker);
        badLocation["service_at_locations"]![0]!["location"]!["location_type"] = "cloud";
        badLocation["minimum_age"] = "twelve";
        var badFacts = HsdsSamples.FullService(agency, town, marker);
        badFacts["attributes"]![2]!["value"] = "many";
        var unknownOrganization = HsdsSamples.FullService(Guid.NewGuid(), town, marker);
        var controlCharacter = HsdsSamples.FullService(agency, town, marker);
        controlCharacter["alternate_name"] = "bad\u0000name";
        var notAnObject = JsonValue.Create(42);

        var result = await HsdsSamples.ImportAsync(coordinator, List(valid, badLocation, badFacts, unknownOrganization, controlCharacter, notAnObject!));

        Assert.Equal(1, result["created"]!.GetValue<int>());
        var rejected = result["rejected"]!.AsArray().ToDictionary(r => r!["index"]!.GetValue<int>(), r => r!["errors"]!.AsObject());
        Assert.Equal([1, 2, 3, 4, 5], rejected.Keys.Order());
        Assert.Contains("service_at_locations[0].location.location_type", rejected[1].Select(e => e.Key));
        Assert.Contains("minimum_age", rejected[1].Select(e => e.Key));
        Assert.Contains("attributes[2].value", rejected[2].Select(e => e.Key));
        Assert.Contains("organization_id", rejected[3].Select(e => e.Key));
        Assert.Contains("alternate_name", rejected[4].Select(e => e.Key));
        Assert.Contains("body", rejected[5].Select(e => e.Key));
        foreach (var refused in new[] { badLocation, badFacts, unknownOrganization, controlCharacter })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/matching/hsds/services/{refused["id"]}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/matching/services/{refused["id"]}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_body_that_is_no_record_at_all_is_refused_with_a_problem()
    {
        using var coordinator = await _network.ClientAsync("coordinator");

        var response = await coordinator.PostAsync("/api/matching/hsds/import", Scenario.Json("\"services\""));

        var problem = await Scenario.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["body"]);
    }

    [Fact]
    public async Task An_organization_with_its_locations_and_services_is_imported_and_its_services_find_their_places()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var (town, marker, organizationId) = (Town(), Marker(), Guid.NewGuid());
        var office = HsdsSamples.Location(HsdsLocationTypes.Physical, town);
        var officeId = office["id"]!.GetValue<string>();
        var service = HsdsSamples.FullService(organizationId, town, marker);
        service.Remove("organization_id"); // a service of an organization belongs to it
        service["service_at_locations"] = new JsonArray(new JsonObject { ["id"] = HsdsSamples.Id(), ["location_id"] = officeId });
        var strayPlace = HsdsSamples.FullService(organizationId, town, marker);
        strayPlace["service_at_locations"] = new JsonArray(new JsonObject { ["id"] = HsdsSamples.Id(), ["location_id"] = HsdsSamples.Id() });
        var organization = HsdsSamples.Organization(organizationId, $"Hikari Youth {marker}", "youth-support-centre",
            new JsonArray(service, strayPlace), new JsonArray(office));

        var result = await HsdsSamples.ImportAsync(coordinator, organization);

        Assert.Equal(2, result["created"]!.GetValue<int>());
        var refused = Assert.Single(result["rejected"]!.AsArray())!;
        Assert.Contains("services[1].service_at_locations[0].location_id", refused["errors"]!.AsObject().Select(e => e.Key));
        using var worker = await _network.ClientAsync("worker", agency: organizationId);
        var read = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/services/{service["id"]}"), HttpStatusCode.OK);
        Assert.Equal(officeId, read["service_at_locations"]![0]!["location"]!["id"]!.GetValue<string>());
        Assert.Equal(organizationId, read["organization_id"]!.GetValue<Guid>());
        var agency = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/agencies/{organizationId}"), HttpStatusCode.OK);
        Assert.Equal(("youth-support-centre", Towns.Setagaya), (agency["kind"]!.GetValue<string>(), agency["municipality"]!.GetValue<string>()));
        var whole = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/organizations/{organizationId}?full_service=true"), HttpStatusCode.OK);
        Assert.Empty(HsdsSamples.Violations("organization.json", whole));
        Assert.Equal([service["id"]!.GetValue<string>()], whole["services"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_agency_administrator_imports_only_their_own_agencys_records()
    {
        var (agency, _, _) = await AgencyAsync();
        var (other, _, worker) = await AgencyAsync("clinic");
        using var admin = await _network.ClientAsync("agency-admin", agency: agency);
        var (town, marker) = (Town(), Marker());
        var theirs = HsdsSamples.FullService(other, town, marker);

        var refused = await admin.PostAsJsonAsync("/api/matching/hsds/import", List(HsdsSamples.FullService(agency, town, marker), theirs));
        var own = await HsdsSamples.ImportAsync(admin, HsdsSamples.FullService(agency, town, marker));

        await Scenario.ReadProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/matching/hsds/services/{theirs["id"]}")).StatusCode);
        Assert.Equal(1, own["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ten_thousand_bad_values_get_an_answer_of_a_few_kilobytes_and_a_stranger_is_refused_before_any_is_checked()
    {
        var (agency, coordinator, _) = await AgencyAsync();
        var (other, _, _) = await AgencyAsync("clinic");
        using var admin = await _network.ClientAsync("agency-admin", agency: other);
        JsonArray Bad(Guid organization) => new([.. Enumerable.Range(0, 2000).Select(_ => (JsonNode)new JsonObject
        {
            ["id"] = HsdsSamples.Id(), ["organization_id"] = organization.ToString(), ["name"] = 1, ["status"] = "lost",
            ["minimum_age"] = "young", ["maximum_age"] = "old", ["email"] = 5,
        })]);

        using var answer = await coordinator.PostAsJsonAsync("/api/matching/hsds/import", Bad(agency));
        var size = (await answer.Content.ReadAsByteArrayAsync()).Length;
        var result = await Scenario.ReadAsync(answer, HttpStatusCode.OK);
        var stranger = await admin.PostAsJsonAsync("/api/matching/hsds/import", Bad(agency));

        Assert.True(size < 8 * 1024, $"the answer has {size} bytes");
        Assert.Equal((2000, 0), (result["rejectedCount"]!.GetValue<int>(), result["created"]!.GetValue<int>()));
        Assert.True(result["errorCount"]!.GetValue<int>() >= 10_000, $"{result["errorCount"]} errors counted");
        Assert.Equal(50, result["rejected"]!.AsArray().Sum(r => r!["errors"]!.AsObject().Sum(e => e.Value!.AsArray().Count)));
        await Scenario.ReadProblemAsync(stranger, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task One_agencys_import_does_not_rename_the_taxonomy_terms_another_agency_brought()
    {
        var (first, coordinator, worker) = await AgencyAsync();
        var (second, _, _) = await AgencyAsync("clinic");
        var (taxonomy, term) = (Guid.NewGuid(), Guid.NewGuid());
        JsonObject Carrying(Guid agency, string name)
        {
            var service = HsdsSamples.ForeignService(agency, Town(), $"Carrier {Marker()}", term);
            var attribute = service["attributes"]![0]!;
            attribute["taxonomy_term"]!["name"] = name;
            attribute["taxonomy_term"]!["taxonomy_id"] = taxonomy.ToString();
            attribute["taxonomy_term"]!["taxonomy_detail"]!["id"] = taxonomy.ToString();
            attribute["taxonomy_term"]!["taxonomy_detail"]!["name"] = $"Taxonomy of {name}";
            return service;
        }

        await HsdsSamples.ImportAsync(coordinator, Carrying(first, "Peer support"));
        var carried = await HsdsSamples.ImportAsync(coordinator, Carrying(second, "Renamed by another agency"));

        Assert.Equal(1, carried["created"]!.GetValue<int>()); // the second agency's service is kept, with its own words
        var terms = await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/hsds/taxonomy_terms?taxonomy_id={taxonomy}"), HttpStatusCode.OK);
        Assert.Equal(["Peer support"], terms["contents"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        var taxonomies = (await Scenario.ReadAsync(await worker.GetAsync("/api/matching/hsds/taxonomies?per_page=200"), HttpStatusCode.OK))["contents"]!.AsArray();
        Assert.Equal("Taxonomy of Peer support", taxonomies.Single(t => t!["id"]!.GetValue<string>() == taxonomy.ToString())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_service_speaking_only_its_own_taxonomy_is_kept_but_not_proposed_until_an_agency_administrator_maps_its_term()
    {
        var scenario = new Scenario(_network);
        var (agency, coordinator, _) = await AgencyAsync();
        using var admin = await _network.ClientAsync("agency-admin", agency: agency);
        using var teacher = await _network.ClientAsync("worker", agency: await scenario.CreateAgencyAsync("school", "Import High"));
        var (town, term) = (Town(), Guid.NewGuid());
        var service = HsdsSamples.ForeignService(agency, town, $"Peer circle {Marker()}", term);
        var id = HsdsSamples.IdOf(service);

        var result = await HsdsSamples.ImportAsync(coordinator, service);

        Assert.Equal([id], result["unmapped"]!.AsArray().Select(u => u!.GetValue<Guid>()));
        Assert.True((await Scenario.ReadAsync(await admin.GetAsync($"/api/matching/services/{id}"), HttpStatusCode.OK))["unmapped"]!.GetValue<bool>());
        Assert.DoesNotContain(id, await CandidatesAsync(scenario, teacher, town));

        var terms = await Scenario.ReadAsync(await admin.GetAsync($"/api/matching/term-mappings?agencyId={agency}"), HttpStatusCode.OK);
        var listed = Assert.Single(terms["items"]!.AsArray())!;
        Assert.Equal((term, "Peer support", 1), (listed["taxonomyTermId"]!.GetValue<Guid>(), listed["name"]!.GetValue<string>(), listed["services"]!.GetValue<int>()));
        Assert.Null(listed["need"]);
        var mapped = await Scenario.ReadAsync(await admin.PutAsJsonAsync($"/api/matching/term-mappings/{term}", new { agencyId = agency, need = "social-connection" }), HttpStatusCode.OK);

        Assert.Equal(1, mapped["servicesChanged"]!.GetValue<int>());
        var v1 = await Scenario.ReadAsync(await admin.GetAsync($"/api/matching/services/{id}"), HttpStatusCode.OK);
        Assert.Equal(["social-connection"], v1["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains(id, await CandidatesAsync(scenario, teacher, town));
        // A later import of the same listing keeps the agency's reading of its term.
        Assert.Empty((await HsdsSamples.ImportAsync(coordinator, service))["unmapped"]!.AsArray());
    }

    private static async Task<IReadOnlyList<Guid>> CandidatesAsync(Scenario scenario, HttpClient teacher, string town)
    {
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"図{Guid.NewGuid():N}"[..8], municipality: town)), HttpStatusCode.Created);
        var matches = await scenario.WaitForMatchesAsync(teacher, referral["referralId"]!.GetValue<Guid>());
        return [.. matches["candidates"]!.AsArray().Select(c => c!["serviceId"]!.GetValue<Guid>())];
    }
}
