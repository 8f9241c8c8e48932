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

    // A failed run must not leave the bug to the next test.
    private const string FixIfStillThere = "DROP TRIGGER IF EXISTS poison ON referral_matches; DROP FUNCTION IF EXISTS poison();";

    [Fact]
    public async Task A_message_that_always_fails_is_parked_after_the_horizon_shown_in_readiness_and_redriven_after_the_fix_with_one_effect()
    {
        var network = fixture.Network;
        var scenario = new Scenario(network);
        var school = await scenario.CreateAgencyAsync("school", "Poisoned High");
        using var teacher = await network.ClientAsync("worker", agency: school);
        using var otherTeacher = await network.ClientAsync("worker", agency: fixture.School);
        await using var matchingDb = new NpgsqlConnection(network.Read("matching"));
        await matchingDb.ExecuteAsync(string.Format(Bug, school));
        var sent = new List<Guid>();
        try
        {
            await fixture.UnderLoadAsync(perSecond: 10, async _ =>
            {
                var referralId = await ReferralLoad.SubmitOneAsync(teacher, "毒", fixture.Town);
                sent.Add(referralId);

                var parked = await Eventually.Until(ParkedQueuesAsync, queues => queues.Count > 0, "the referral to be parked",
                    ProcessNetwork.ParkAfter + TimeSpan.FromSeconds(60), FaultServers.QueuesPollEvery);
                var (queue, count) = Assert.Single(parked);
                Assert.Equal(1, count);
                // Readiness reads the parked count from the broker at most every 5 s.
                await Eventually.Until(() => ReadinessOfAsync(network.Instance("matching", 1)), ready => ready == nameof(HealthStatus.Degraded), "matching to read Degraded");
                Assert.Equal(MatchStatuses.Pending, (await Scenario.ReadAsync(await teacher.GetAsync($"/api/matching/referrals/{referralId}/matches"), HttpStatusCode.OK))["status"]!.GetValue<string>());
                // It holds nothing up: a referral sent now is matched.
                var other = await ReferralLoad.SubmitOneAsync(otherTeacher, "健", fixture.Town);
                sent.Add(other);
                await scenario.WaitForMatchesAsync(otherTeacher, other);

                await matchingDb.ExecuteAsync(Fix);
                var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = network.Servers.BrokerPort, UserName = "guest", Password = "guest" };
                Assert.Equal(1, await ParkedMessages.RedriveAsync(factory, queue[..^RedeliveryQueues.ParkedSuffix.Length], CancellationToken.None));
                await scenario.WaitForMatchesAsync(teacher, referralId);
            }, sentByTheFault: sent);
        }
        finally
        {
            await matchingDb.ExecuteAsync(FixIfStillThere);
        }
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
