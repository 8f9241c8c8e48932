using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.ExpireConsents;

[Collection(NetworkCollection.Name)]
public sealed class ConsentExpiryTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_consent_expires_at_its_valid_until_and_every_decision_turns_to_deny()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact"], DateTimeOffset.UtcNow.AddSeconds(3));
        var decisionUrl = $"/api/consent/decisions?personId={referred.PersonId}&agencyId={referred.School}&category=contact&purpose=coordination";
        await Eventually.Until(async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync(decisionUrl), HttpStatusCode.OK),
            d => d["decision"]!.GetValue<string>() == "permit", "the grant to be permitted first");

        var consents = await Eventually.Until(
            async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK),
            c => c["items"]![0]!["status"]!.GetValue<string>() == "expired", "the consent to expire", TimeSpan.FromSeconds(15));

        Assert.Equal(consentId, consents["items"]![0]!["consentId"]!.GetValue<Guid>());
        var decision = await Scenario.ReadAsync(await referred.Teacher.GetAsync(decisionUrl), HttpStatusCode.OK);
        Assert.Equal("deny", decision["decision"]!.GetValue<string>());
        Assert.Equal("consent-expired", decision["reason"]!.GetValue<string>());
    }
}
