using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.Receipt;

[Collection(NetworkCollection.Name)]
public sealed class ReceiptTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_receipt_says_what_to_whom_why_until_when_and_how_to_revoke_and_stays_readable_after_revocation()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact", "needs-summary"]);
        await Scenario.ReadAsync(await referred.Teacher.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);

        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        var receipt = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/consents/{consentId}/receipt"), HttpStatusCode.OK);

        Assert.Equal(consentId, receipt["consentId"]!.GetValue<Guid>());
        Assert.Equal(referred.PersonId, receipt["subject"]!.GetValue<Guid>());
        Assert.Equal("revoked", receipt["status"]!.GetValue<string>());
        Assert.Equal("network", receipt["recipients"]!["scope"]!.GetValue<string>());
        Assert.Equal(["contact", "needs-summary"], receipt["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("coordination", receipt["purposes"]![0]!["purpose"]!.GetValue<string>());
        Assert.Equal("verbal", receipt["method"]!.GetValue<string>());
        Assert.Contains("/revoke", receipt["howToRevoke"]!.GetValue<string>());
        Assert.Contains("every agency that takes part in your case", receipt["humanReadable"]!.GetValue<string>());
        Assert.DoesNotContain("山田", receipt.ToJsonString());
    }

    [Fact]
    public async Task Another_young_person_gets_404_for_the_receipt()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact"]);
        using var someoneElse = await _network.ClientAsync("youth", person: Guid.NewGuid());

        await Scenario.ReadProblemAsync(await someoneElse.GetAsync($"/api/consent/consents/{consentId}/receipt"), HttpStatusCode.NotFound);
    }
}
