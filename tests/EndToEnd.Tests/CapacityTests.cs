using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>A receiving service's free places follow its handoffs: held from accept, given back on withdraw or completion.</summary>
[Collection(NetworkCollection.Name)]
public sealed class CapacityTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Accepting_holds_a_place_of_the_receiving_service_and_withdrawing_gives_it_back()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "席");
        await referred.MatchesAsync(_network);
        using var peers = await _network.ClientAsync("worker", agency: referred.Peers);
        var before = await FreePlacesAsync(referred);
        var offer = await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService);

        await Scenario.ReadAsync(await peers.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/accept", new { }), HttpStatusCode.OK);
        var held = await Eventually.Until(() => FreePlacesAsync(referred), places => places == before - 1, "a place to be held");
        await Scenario.ReadAsync(await referred.Teacher.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/withdraw", new { }), HttpStatusCode.OK);
        var released = await Eventually.Until(() => FreePlacesAsync(referred), places => places == before, "the place to be given back");

        Assert.Equal(3, before); // the test service's places
        Assert.Equal(2, held);
        Assert.Equal(3, released);
    }

    private async Task<int> FreePlacesAsync(ReferredPerson referred)
    {
        using var staff = await _network.ClientAsync("worker", agency: referred.School);
        var service = await Scenario.ReadAsync(await staff.GetAsync($"/api/matching/services/{referred.PeerService}"), HttpStatusCode.OK);
        return service["capacity"]!["available"]!.GetValue<int>();
    }
}
