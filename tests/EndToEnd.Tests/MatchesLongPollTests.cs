using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

[Collection(NetworkCollection.Name)]
public sealed class MatchesLongPollTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Asking_with_wait_returns_ready_matches_without_polling()
    {
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Long Poll High");
        var cso = await scenario.CreateAgencyAsync("cso", "Long Poll Peers");
        await scenario.CreateServiceAsync(cso, "Evening chat", ["social-connection"], ["online-chat"]);
        using var teacher = await _network.ClientAsync("worker", agency: school);

        var referral = await Scenario.ReadAsync(
            await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: $"待{Guid.NewGuid():N}"[..8])),
            HttpStatusCode.Created);
        var matches = await Scenario.ReadAsync(
            await teacher.GetAsync($"/api/matching/referrals/{referral["referralId"]}/matches?wait=15"), HttpStatusCode.OK);

        Assert.Equal("ready", matches["status"]!.GetValue<string>());
        Assert.NotEmpty(matches["candidates"]!.AsArray());
    }

    [Fact]
    public async Task Asking_with_wait_for_an_unknown_referral_answers_pending_when_the_time_is_up()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var clock = Stopwatch.StartNew();
        var matches = await Scenario.ReadAsync(
            await worker.GetAsync($"/api/matching/referrals/{Guid.NewGuid()}/matches?wait=1"), HttpStatusCode.OK);

        Assert.Equal("pending", matches["status"]!.GetValue<string>());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wait_beyond_the_limit_is_rejected_with_422()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        await Scenario.ReadProblemAsync(
            await worker.GetAsync($"/api/matching/referrals/{Guid.NewGuid()}/matches?wait=3600"), HttpStatusCode.UnprocessableEntity);
    }
}
