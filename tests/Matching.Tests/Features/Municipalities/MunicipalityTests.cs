using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.Municipalities;

/// <summary>Places by official code (API-v3 §8), through the gateway.</summary>
[Collection(NetworkCollection.Name)]
public sealed class MunicipalityTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static IReadOnlyList<string> Codes(JsonObject list) => [.. list["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>())];

    [Theory]
    [InlineData("世田谷区")]
    [InlineData("せたがや")]
    [InlineData("Setagaya")]
    public async Task Anyone_finds_a_municipality_in_kanji_kana_or_romaji(string typed)
    {
        using var anyone = await _network.ClientAsync();

        var found = await Scenario.ReadAsync(await anyone.GetAsync($"/api/matching/municipalities?q={Uri.EscapeDataString(typed)}&limit=5"), HttpStatusCode.OK);

        Assert.Equal(Towns.Setagaya, Codes(found)[0]);
        var setagaya = found["items"]![0]!;
        Assert.Equal(("世田谷区", "せたがやく", "Setagaya-ku", "東京都"), (setagaya["name"]!.GetValue<string>(), setagaya["kana"]!.GetValue<string>(),
            setagaya["romaji"]!.GetValue<string>(), setagaya["prefecture"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_referral_typed_in_kanji_is_matched_to_the_services_of_the_town_written_in_romaji()
    {
        var scenario = new Scenario(_network);
        var town = Towns.Unique();
        var place = await Scenario.ReadAsync(await (await _network.ClientAsync()).GetAsync($"/api/matching/municipalities?q={town}"), HttpStatusCode.OK);
        var romaji = place["items"]![0]!["romaji"]!.GetValue<string>();
        var agency = await scenario.CreateAgencyAsync("cso", "Town peers");
        var service = await scenario.CreateServiceAsync(agency, "Peer circle", ["social-connection"], ["online-chat"], municipality: romaji);
        var school = await scenario.CreateAgencyAsync("school", "Town school");
        using var teacher = await _network.ClientAsync("worker", agency: school);

        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"町{Guid.NewGuid():N}"[..8], birthDate: "2008-05-05", municipality: Towns.NameOf(town))), HttpStatusCode.Created);

        var matches = await scenario.WaitForMatchesAsync(teacher, referral["referralId"]!.GetValue<Guid>());
        Assert.Contains(service, matches["candidates"]!.AsArray().Select(c => c!["serviceId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task A_town_that_is_no_municipality_or_names_several_is_refused_with_places_to_choose_and_nothing_is_stored()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var name = $"Unknown agency {Guid.NewGuid():N}";

        var unknown = await coordinator.PostAsJsonAsync("/api/matching/agencies", new { name, kind = "cso", municipality = "Setagya" });
        var shared = await coordinator.PostAsJsonAsync("/api/matching/agencies", new { name, kind = "cso", municipality = "北区" });

        var slip = await Scenario.ReadAsync(unknown, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Towns.Setagaya, slip["suggestions"]!["municipality"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("not-a-municipality", slip["errorCodes"]!["municipality"]![0]!.GetValue<string>());
        var kita = await Scenario.ReadAsync(shared, HttpStatusCode.UnprocessableEntity);
        var places = kita["suggestions"]!["municipality"]!.AsArray();
        Assert.Equal(12, places.Count);
        Assert.Contains("東京都", places.Select(p => p!["prefecture"]!.GetValue<string>()));
        Assert.Contains("12 municipalities", kita["errors"]!["municipality"]![0]!.GetValue<string>());
        Assert.Equal("ambiguous-municipality", kita["errorCodes"]!["municipality"]![0]!.GetValue<string>());
        Assert.DoesNotContain(name, await AgencyNamesAsync(coordinator));
    }

    [Fact]
    public async Task A_service_naming_more_towns_than_allowed_is_refused_before_any_is_read()
    {
        var agency = await new Scenario(_network).CreateAgencyAsync("cso", "Many towns");
        using var admin = await _network.ClientAsync("agency-admin", agency: agency);

        var refused = await Scenario.ReadAsync(await admin.PostAsJsonAsync("/api/matching/services", new
        {
            agencyId = agency, name = "Everywhere", needs = new[] { "social-connection" }, modalities = new[] { "video" },
            municipalities = Enumerable.Range(0, 5000).Select(i => $"Nowhere{i}").ToArray(),
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["out-of-range"], refused["errorCodes"]!["municipalities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain(refused["errors"]!.AsObject(), e => e.Key.StartsWith("municipalities[", StringComparison.Ordinal));
    }

    private static async Task<List<string>> AgencyNamesAsync(HttpClient coordinator)
    {
        var names = new List<string>();
        for (string? cursor = ""; cursor is not null;)
        {
            var page = await Scenario.ReadAsync(await coordinator.GetAsync($"/api/matching/agencies?limit=100{(cursor.Length > 0 ? $"&cursor={cursor}" : "")}"), HttpStatusCode.OK);
            names.AddRange(page["items"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        return names;
    }

    [Fact]
    public async Task A_referral_or_a_search_for_a_town_that_is_no_municipality_is_refused()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Unknown town school");
        using var teacher = await _network.ClientAsync("worker", agency: school);

        var referral = await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: "不明", municipality: "Atlantis"));
        var search = await teacher.GetAsync("/api/matching/services/search?q=peer&municipality=Atlantis");

        var refused = await Scenario.ReadAsync(referral, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a municipality", refused["errors"]!["person.municipality"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, search.StatusCode);
        var cases = await Scenario.ReadAsync(await teacher.GetAsync("/api/intake/cases?participating=true"), HttpStatusCode.OK);
        Assert.Empty(cases["items"]!.AsArray());
    }
}
