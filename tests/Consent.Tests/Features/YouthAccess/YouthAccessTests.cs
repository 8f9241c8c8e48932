using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.YouthAccess;

[Collection(NetworkCollection.Name)]
public sealed class YouthAccessTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private async Task<HttpResponseMessage> ExchangeAsync(string code)
    {
        using var anonymous = await _network.ClientAsync();
        return await anonymous.PostAsJsonAsync("/api/consent/access", new { code });
    }

    /// <summary>The code reaches the consent service as an event; until it has, the code is not valid there yet.</summary>
    private async Task<HttpClient> YouthWithCodeAsync(string code)
    {
        var response = await Eventually.Until(() => ExchangeAsync(code), r => r.StatusCode == HttpStatusCode.OK, "the code to be exchanged");
        var token = (await Scenario.ReadAsync(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var youth = await _network.ClientAsync();
        youth.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return youth;
    }

    [Fact]
    public async Task The_code_from_the_first_referral_gives_the_young_person_a_token_for_themself_once()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", referred.YouthAccessCode);

        using var youth = await YouthWithCodeAsync(referred.YouthAccessCode!.ToLowerInvariant());
        await Scenario.ReadAsync(await Scenario.GrantAsync(youth, referred.PersonId, ["contact"], grantor: "youth"), HttpStatusCode.Created);
        var mine = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        Assert.Equal("youth", mine["items"]![0]!["grantor"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(await youth.GetAsync($"/api/consent/persons/{Guid.NewGuid()}/consents"), HttpStatusCode.NotFound);

        await Scenario.ReadProblemAsync(await ExchangeAsync(referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_second_referral_of_the_same_person_gives_no_new_code()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Code High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = Scenario.Referral(givenName: $"再{Guid.NewGuid():N}"[..8]);

        var first = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);
        var second = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);

        Assert.NotNull(first["youthAccessCode"]);
        Assert.True(second["existingCase"]!.GetValue<bool>());
        Assert.Null(second["youthAccessCode"]);
    }

    [Fact]
    public async Task A_code_given_again_by_a_participating_worker_replaces_the_old_one()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var reissued = await Scenario.ReadAsync(
            await referred.Teacher.PostAsync($"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created);
        using var youth = await YouthWithCodeAsync(reissued["youthAccessCode"]!.GetValue<string>());

        await Scenario.ReadProblemAsync(await ExchangeAsync(referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
        using var outsider = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        await Scenario.ReadProblemAsync(
            await outsider.PostAsync($"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_code_is_401_and_a_missing_code_is_422()
    {
        await Scenario.ReadProblemAsync(await ExchangeAsync("AAAA-BBBB-CCCC"), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(await ExchangeAsync(""), HttpStatusCode.UnprocessableEntity);
    }
}
