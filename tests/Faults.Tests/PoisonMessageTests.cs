using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

[Collection(FaultCollection.Name)]
public sealed class PoisonMessageTests(FaultNetwork fixture)
{
    // The bug: matching cannot store the proposal of one school's referrals, whatever it tries (a trigger refuses it).
    private const string Bug = """
        CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poison'; END $$;
        CREATE TRIGGER poison BEFORE INSERT ON referral_matches FOR EACH ROW WHEN (NEW.from_agency_id = '{0}') EXECUTE FUNCTION poison();
        """;

    private const string Fix = "DROP TRIGGER poison ON referral_matches; DROP FUNCTION poison();";

    [Fact]
    public async Task A_message_that_always_fails_is_parked_after_the_horizon_shown_in_readiness_and_redriven_after_the_fix_with_one_effect()
    {
        var network = fixture.Network;
        var scenario = new Scenario(network);
        var school = await scenario.CreateAgencyAsync("school", "Poisoned High");
        await fixture.Ledger.UntilQuietAsync();
        var before = await fixture.Ledger.FiguresAsync();
        await using var matchingDb = new NpgsqlConnection(network.Read("matching"));
        await matchingDb.ExecuteAsync(string.Format(Bug, school));
        var running = await fixture.StartLoadAsync(perSecond: 10);
        using var teacher = await network.ClientAsync("worker", agency: school);
        var referralId = (await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: "毒", municipality: fixture.Town)), HttpStatusCode.Created))["referralId"]!.GetValue<Guid>();

        var parked = await Eventually.Until(ParkedQueuesAsync, queues => queues.Count > 0, "the referral to be parked",
            ProcessNetwork.ParkAfter + TimeSpan.FromSeconds(60));
        var (queue, count) = Assert.Single(parked);
        Assert.Equal(1, count);
        // Readiness reads the parked count from the broker at most every 5 s.
        await Eventually.Until(() => ReadinessOfAsync(network.Instance("matching", 1)), ready => ready == nameof(HealthStatus.Degraded), "matching to read Degraded");
        Assert.Equal(MatchStatuses.Pending, (await Scenario.ReadAsync(await teacher.GetAsync($"/api/matching/referrals/{referralId}/matches"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        // It holds nothing up: a referral sent now is matched.
        using var otherTeacher = await network.ClientAsync("worker", agency: fixture.School);
        var other = await Scenario.ReadAsync(await otherTeacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: "健", municipality: fixture.Town)), HttpStatusCode.Created);
        await scenario.WaitForMatchesAsync(otherTeacher, other["referralId"]!.GetValue<Guid>());

        await matchingDb.ExecuteAsync(Fix);
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = network.Servers.BrokerPort, UserName = "guest", Password = "guest" };
        Assert.Equal(1, await ParkedMessages.RedriveAsync(factory, queue[..^RedeliveryQueues.ParkedSuffix.Length], CancellationToken.None));

        await scenario.WaitForMatchesAsync(teacher, referralId);
        var load = await running.StopAsync();
        await fixture.Ledger.AssertEachTookEffectOnceAsync(
            load with { Accepted = [.. load.Accepted, referralId, other["referralId"]!.GetValue<Guid>()] }, before);
        await Eventually.Until(() => ReadinessOfAsync(network.Instance("matching", 1)), ready => ready == nameof(HealthStatus.Healthy), "matching to be healthy again");
    }

    private async Task<List<(string Queue, int Messages)>> ParkedQueuesAsync() =>
        [.. (await fixture.Network.Servers.QueuesAsync()).Where(q => q.Queue.EndsWith(RedeliveryQueues.ParkedSuffix, StringComparison.Ordinal) && q.Ready > 0)
            .Select(q => (q.Queue, q.Ready))];

    private static async Task<string> ReadinessOfAsync(ServiceProcess service)
    {
        using var client = new HttpClient { BaseAddress = service.Address };
        return await client.GetStringAsync("/health/ready");
    }
}
