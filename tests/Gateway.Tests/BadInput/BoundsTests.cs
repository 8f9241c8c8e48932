using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using ReferralNet.Testing;

namespace ReferralNet.Gateway.Tests.BadInput;

[Collection(NetworkCollection.Name)]
public sealed class BoundsTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Lists_longer_than_their_bound_are_422_naming_each_list()
    {
        using var teacher = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var referral = JsonSerializer.SerializeToNode(Scenario.Referral())!.AsObject();
        referral["needs"] = JsonSerializer.SerializeToNode(Enumerable.Repeat("health", 11));
        referral["preferences"]!["languages"] = JsonSerializer.SerializeToNode(Enumerable.Repeat("ja", 21));

        var problem = await Scenario.ReadProblemAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["needs", "preferences.languages"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_first_contact_before_1900_is_422_naming_the_time()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var problem = await Scenario.ReadProblemAsync(await worker.PostAsJsonAsync($"/api/handoffs/{Guid.NewGuid()}/contact",
            new { modality = "phone", at = "1899-12-31T23:00:00Z" }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["at"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_token_with_an_over_long_subject_is_401()
    {
        using var client = await _network.ClientAsync();
        var now = DateTime.UtcNow;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedTokens.Sign(TestIssuers.DevelopmentKey,
            [new Claim("sub", new string('u', 300)), new Claim("role", "coordinator")], now, now.AddHours(1)));

        await Scenario.ReadProblemAsync(await client.GetAsync("/api/matching/agencies"), HttpStatusCode.Unauthorized);
    }
}
