using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.Participants;

[Collection(NetworkCollection.Name)]
public sealed class ParticipantsTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_young_person_sees_the_agencies_that_take_part_in_their_case_and_nobody_elses()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var other = await ReferredPerson.CreateAsync(_network);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        var (otherYouth, _) = await YouthSignIn.EnrolAsync(_network, other.YouthAccessCode!);
        await referred.MatchesAsync(_network);
        var offer = await referred.OfferAsync(_network, 0);
        using var peers = await _network.ClientAsync("worker", agency: referred.Peers);
        await Scenario.ReadAsync(await peers.PostAsync($"/api/handoffs/{Scenario.HandoffIdOf(offer)}/accept", null), HttpStatusCode.OK);

        var agencies = await Eventually.Until(
            async () => (await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/participants"), HttpStatusCode.OK))["items"]!
                .AsArray().Select(i => i!["agencyId"]!.GetValue<Guid>()).ToHashSet(),
            ids => ids.Contains(referred.Peers), "the accepting agency to take part");

        Assert.Equal(new[] { referred.School, referred.Peers }.Order(), agencies.Order());
        await Scenario.ReadProblemAsync(await otherYouth.GetAsync($"/api/consent/persons/{referred.PersonId}/participants"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/participants"), HttpStatusCode.NotFound);
    }
}
