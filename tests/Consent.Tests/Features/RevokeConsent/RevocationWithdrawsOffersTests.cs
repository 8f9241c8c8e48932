using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.RevokeConsent;

[Collection(NetworkCollection.Name)]
public sealed class RevocationWithdrawsOffersTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_open_offer_to_an_agency_no_consent_covers_any_more_is_withdrawn_and_the_sender_stays_lead()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact", "needs-summary"]);
        var scenario = new Scenario(_network);
        await scenario.WaitForMatchesAsync(referred.Teacher, referred.ReferralId);
        var handoffId = (await scenario.OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService))["handoffId"]!.GetValue<Guid>();

        await Scenario.ReadAsync(await referred.Teacher.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);

        var handoff = await Eventually.Until(
            async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK),
            h => h["status"]!.GetValue<string>() == "withdrawn", "the offer to be withdrawn after the revocation");
        Assert.NotNull(handoff["closedAt"]);
        var view = await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/intake/cases/{referred.CaseId}"), HttpStatusCode.OK);
        Assert.Equal(referred.School, view["leadAgencyId"]!.GetValue<Guid>());
        Assert.Equal("open", view["status"]!.GetValue<string>());
    }
}
