using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>A worker's search of the directory, in Japanese and English, and ranked for a referral.</summary>
[Collection(NetworkCollection.Name)]
public sealed class SearchTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>Three services of a town of the test's own, each described with a word only this test uses.</summary>
    private async Task<(string Town, string Marker, Guid Hikikomori, Guid Online, Guid English, Guid Elsewhere)> DirectoryAsync()
    {
        var scenario = new Scenario(_network);
        var town = Towns.Unique();
        var marker = $"m{Guid.NewGuid():N}"[..10];
        var agency = await scenario.CreateAgencyAsync("cso", "Search Peers");
        return (town, marker,
            await scenario.CreateServiceAsync(agency, "居場所の会", ["social-connection"], ["in-person"], municipality: town,
                description: $"ひきこもりの若者が安心して過ごせる居場所です。{marker}"),
            await scenario.CreateServiceAsync(agency, "こころの相談", ["mental-health"], ["online-chat"], municipality: town,
                description: $"オンラインで気軽に話せる相談窓口。{marker}"),
            await scenario.CreateServiceAsync(agency, "Peer talk", ["social-connection"], ["video"], municipality: town,
                description: $"Weekly video calls with peers who have been there. {marker}"),
            await scenario.CreateServiceAsync(agency, "Peer talk far away", ["social-connection"], ["in-person"], municipality: Towns.Unique(),
                description: $"Meetings in another town. {marker}"));
    }

    private static async Task<JsonArray> SearchAsync(HttpClient worker, string query) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/matching/services/search?{query}"), HttpStatusCode.OK))["items"]!.AsArray();

    private static IEnumerable<Guid> Ids(JsonArray items) => items.Select(i => i!["service"]!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task Japanese_and_English_words_find_the_services_that_use_them_in_any_order()
    {
        var d = await DirectoryAsync();
        using var worker = await _network.ClientAsync("worker", agency: await new Scenario(_network).CreateAgencyAsync("school", "Search High"));

        Assert.Equal([d.Hikikomori], Ids(await SearchAsync(worker, $"q={Uri.EscapeDataString($"ひきこもり {d.Marker}")}")));
        Assert.Equal([d.Online], Ids(await SearchAsync(worker, $"q={Uri.EscapeDataString($"{d.Marker}\u3000オンライン")}")));
        Assert.Equal([d.English], Ids(await SearchAsync(worker, $"q={Uri.EscapeDataString($"peers video {d.Marker}")}")));
        // The codes are searched too: the chat service is found as online without the word in its text.
        Assert.Equal(new[] { d.Online }.Order(), Ids(await SearchAsync(worker, $"q={Uri.EscapeDataString($"online {d.Marker}")}")).Order());
        Assert.Equal(new[] { d.English }, Ids(await SearchAsync(worker, $"q={d.Marker}&modality=video")));
        Assert.Equal(new[] { d.Hikikomori, d.English }.Order(), Ids(await SearchAsync(worker, $"q={d.Marker}&need=social-connection&municipality={d.Town}")).Order());
    }

    [Fact]
    public async Task Searching_for_a_referral_ranks_only_the_services_that_may_take_the_young_person_with_their_reasons()
    {
        var d = await DirectoryAsync();
        var scenario = new Scenario(_network);
        using var teacher = await _network.ClientAsync("worker", agency: await scenario.CreateAgencyAsync("school", "Search High"));
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"探{Guid.NewGuid():N}"[..8], municipality: d.Town)), HttpStatusCode.Created);
        var referralId = referral["referralId"]!.GetValue<Guid>();
        await scenario.WaitForMatchesAsync(teacher, referralId);

        var items = await SearchAsync(teacher, $"q={d.Marker}&referralId={referralId}");

        // The referral wants online first: the chat and the video service lead; the other town's service may not take them.
        Assert.Equal([d.Online, d.English, d.Hikikomori], Ids(items));
        Assert.All(items, i => Assert.True(i!["score"]!.GetValue<double>() > 0));
        Assert.Contains("online first contact", items[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(items[0]!["components"]!.AsArray(), c => c!["reason"]!.GetValue<string>() == "local");
    }

    [Fact]
    public async Task A_search_with_an_unknown_code_is_refused_with_the_field_named()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var response = await worker.GetAsync("/api/matching/services/search?need=loneliness&limit=500");

        var problem = await Scenario.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["need"]);
        Assert.NotNull(problem["errors"]!["limit"]);
    }
}
