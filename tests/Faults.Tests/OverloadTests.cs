using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.Faults.Tests;

[Collection(FaultCollection.Name)]
public sealed class OverloadTests(FaultNetwork fixture, ITestOutputHelper output)
{
    // Three times what this network sustains on a two-core machine (about 150 referrals/s, deploy/load.sh overload).
    private const int ThreeTimesSustainable = 450;

    [Fact]
    public async Task Three_times_the_sustainable_rate_for_20_s_is_refused_with_retry_after_beyond_what_is_done_and_nothing_admitted_is_lost()
    {
        var result = await fixture.UnderLoadAsync(ThreeTimesSustainable,
            load => FaultNetwork.UntilSentAsync(load, 20 * ThreeTimesSustainable), sendRefusedAgain: false);
        output.WriteLine($"{ThreeTimesSustainable}/s for 20 s: {result}");

        // Every answer was 201, or 503 problem+json with Retry-After (anything else is in Unexpected), and some were refused.
        Assert.True(result.Refused > 0, result.ToString());
        Assert.Equal(result.Sent, result.Accepted.Count + result.Refused);
        // Back to normal soon after: a referral is matched within a second again.
        using var worker = await fixture.Network.ClientAsync("worker", agency: fixture.School);
        await Eventually.Until(() => SubmitAndMatchAsync(worker), took => took < TimeSpan.FromSeconds(1),
            "a referral to be matched within a second after the burst", TimeSpan.FromSeconds(10));
    }

    private async Task<TimeSpan> SubmitAndMatchAsync(HttpClient worker)
    {
        var started = Stopwatch.GetTimestamp();
        var submitted = await worker.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"後{Guid.NewGuid():N}"[..8], municipality: fixture.Town));
        if (submitted.StatusCode != HttpStatusCode.Created)
        {
            return TimeSpan.MaxValue;
        }
        var referralId = (await Scenario.ReadAsync(submitted, HttpStatusCode.Created))["referralId"]!.GetValue<Guid>();
        await new Scenario(fixture.Network).WaitForMatchesAsync(worker, referralId);
        return Stopwatch.GetElapsedTime(started);
    }
}
