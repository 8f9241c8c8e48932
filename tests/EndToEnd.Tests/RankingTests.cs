using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>Matching's ranking on the running network: equal services share the referrals of their town.</summary>
[Collection(NetworkCollection.Name)]
public sealed class RankingTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Of_two_equal_services_the_next_referral_goes_first_to_the_one_not_offered_last()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "均", services:
        [
            new("cso", "Even Peers", "Peer circle", ["social-connection"], ["in-person"]),
            new("youth-support-centre", "Even Station", "Drop-in space", ["social-connection"], ["in-person"]),
        ]);
        var first = await referred.MatchesAsync(_network);
        var offeredTo = first["candidates"]![0]!["serviceId"]!.GetValue<Guid>();
        var other = referred.Services.Select(s => s.Service).Single(s => s != offeredTo);
        Assert.Equal(first["candidates"]![0]!["score"]!.GetValue<double>(), first["candidates"]![1]!["score"]!.GetValue<double>());

        await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, offeredTo);

        // Each try is a new young person of the same town, ranked once when referred: until matching has the offer.
        var next = await Eventually.Until(async () =>
        {
            var referral = await Scenario.ReadAsync(await referred.Teacher.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral(givenName: $"均{Guid.NewGuid():N}"[..8], municipality: referred.Town)), HttpStatusCode.Created);
            var matches = await new Scenario(_network).WaitForMatchesAsync(referred.Teacher, referral["referralId"]!.GetValue<Guid>());
            return matches["candidates"]![0]!["serviceId"]!.GetValue<Guid>();
        }, serviceId => serviceId == other, "the next referral of the town to go first to the service not offered last");

        Assert.Equal(other, next);
    }
}
