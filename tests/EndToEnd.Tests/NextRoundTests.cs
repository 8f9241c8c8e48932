using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>A pass (a declined offer) makes matching propose a next round without the service that passed.</summary>
[Collection(NetworkCollection.Name)]
public sealed class NextRoundTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task After_a_pass_matching_proposes_a_next_round_without_the_service_that_passed_on_the_case()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "巡", services:
        [
            new("cso", "Round Peers", "Peer circle", ["social-connection"], ["in-person"]),
            new("youth-support-centre", "Round Station", "Drop-in space", ["social-connection"], ["in-person"]),
        ]);
        var first = await referred.MatchesAsync(_network);
        using var peers = await _network.ClientAsync("worker", agency: referred.Peers);
        var offer = await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService);
        await Scenario.ReadAsync(await peers.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/decline", new { reason = DeclineReasons.NoCapacity }),
            HttpStatusCode.OK);

        var next = await Eventually.Until(
            async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/matching/referrals/{referred.ReferralId}/matches"), HttpStatusCode.OK),
            m => m["round"]!.GetValue<int>() == 2, "the next round");

        Assert.Equal(1, first["round"]!.GetValue<int>());
        Assert.Empty(first["excluded"]!.AsArray());
        Assert.Equal([referred.PeerService], next["excluded"]!.AsArray().Select(s => s!.GetValue<Guid>()));
        var proposed = next["candidates"]!.AsArray().Select(c => c!["serviceId"]!.GetValue<Guid>()).ToList();
        Assert.DoesNotContain(referred.PeerService, proposed);
        Assert.Contains(referred.Services[1].Service, proposed);
    }
}
