using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.GrantConsent;

[Collection(NetworkCollection.Name)]
public sealed class AgeOfSelfConsentTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_person_under_the_age_of_self_consent_needs_a_guardian_and_a_refused_grant_stores_nothing()
    {
        var twelve = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12).ToString("yyyy-MM-dd");
        var child = await ReferredPerson.CreateAsync(_network, birthDate: twelve);

        var refused = await Scenario.ReadProblemAsync(
            await Scenario.GrantAsync(child.Teacher, child.PersonId, ["contact"]), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("guardian", refused["errors"]!["grantor"]![0]!.GetValue<string>());
        var none = await Scenario.ReadAsync(await child.Teacher.GetAsync($"/api/consent/persons/{child.PersonId}/consents"), HttpStatusCode.OK);
        Assert.Empty(none["items"]!.AsArray());

        await Scenario.ReadAsync(await Scenario.GrantAsync(child.Teacher, child.PersonId, ["contact"], grantor: "guardian"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_person_of_fifteen_may_consent_themself()
    {
        var fifteen = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).ToString("yyyy-MM-dd");
        var young = await ReferredPerson.CreateAsync(_network, birthDate: fifteen);

        await Scenario.ReadAsync(await Scenario.GrantAsync(young.Teacher, young.PersonId, ["contact"]), HttpStatusCode.Created);
    }
}
