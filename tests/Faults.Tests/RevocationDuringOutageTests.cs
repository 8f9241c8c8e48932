using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

[Collection(FaultCollection.Name)]
public sealed class RevocationDuringOutageTests(FaultNetwork fixture)
{
    private const int PerSecond = 20;
    private const int OutageSeconds = 10;

    private const string CloseIntake = """
        ALTER DATABASE referralnet_intake WITH ALLOW_CONNECTIONS false;
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'referralnet_intake';
        """;

    private const string OpenIntake = "ALTER DATABASE referralnet_intake WITH ALLOW_CONNECTIONS true";

    private const string RevokedEntries = "SELECT COUNT(*) FROM case_timeline WHERE case_id = ANY(@Cases) AND kind = @Kind";

    [Fact]
    public async Task Revocations_that_arrive_while_intakes_database_is_away_take_effect_once_it_is_back()
    {
        var network = fixture.Network;
        var shared = new List<(ReferredPerson Person, HttpClient PeerWorker, Guid ConsentId)>();
        for (var i = 0; i < 5; i++)
        {
            shared.Add(await ShareWithPeersAsync(network));
        }
        await fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 2 * PerSecond);
            await using (var maintenance = new NpgsqlConnection(network.Servers.Database("postgres") + ";Pooling=false"))
            {
                await maintenance.ExecuteAsync(CloseIntake);
                try
                {
                    foreach (var (person, _, consentId) in shared)
                    {
                        await Scenario.ReadAsync(await person.Teacher.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);
                    }
                    // The outage the issue describes: ten seconds of load in which every ConsentRevoked reaches intake and fails.
                    await FaultNetwork.UntilSentAsync(load, load.Sent + OutageSeconds * PerSecond);
                }
                finally
                {
                    await maintenance.ExecuteAsync(OpenIntake);
                }
            }
            foreach (var (person, peerWorker, _) in shared)
            {
                var view = await Eventually.Until(() => ViewAsync(peerWorker, person.CaseId), v => v is not null && v["contact"] is null,
                    $"case {person.CaseId} to hide the contact from the peers after the revocation");
                Assert.Null(view!["summary"]);
            }
        });
        await using var intake = new NpgsqlConnection(network.Read("intake"));
        Assert.Equal(shared.Count, await intake.ExecuteScalarAsync<long>(RevokedEntries,
            new { Cases = shared.Select(s => s.Person.CaseId).ToArray(), Kind = TimelineKinds.ConsentRevoked }));
    }

    /// <summary>A referred young person whose consent lets the peers, who accepted the handoff, see the contact and summary.</summary>
    private static async Task<(ReferredPerson, HttpClient, Guid)> ShareWithPeersAsync(ProcessNetwork network)
    {
        var person = await ReferredPerson.CreateAsync(network);
        var consentId = await ReferredPerson.GrantAsync(person.Teacher, person.PersonId, ["contact", "needs-summary"]);
        await person.MatchesAsync(network);
        var handoff = await person.OfferAsync(network, 0);
        var peerWorker = await network.ClientAsync("worker", agency: person.Peers);
        await Scenario.ReadAsync(await peerWorker.PostAsync($"/api/handoffs/{Scenario.HandoffIdOf(handoff)}/accept", null), HttpStatusCode.OK);
        await Eventually.Until(() => ViewAsync(peerWorker, person.CaseId), v => v?["contact"] is not null, "the peers to see the contact");
        return (person, peerWorker, consentId);
    }

    /// <summary>
    /// The case as the worker reads it; null while their agency's part in it has not reached intake, or while intake,
    /// catching up, asks to be asked again (503 with Retry-After).
    /// </summary>
    private static async Task<JsonObject?> ViewAsync(HttpClient worker, Guid caseId)
    {
        var response = await worker.GetAsync($"/api/intake/cases/{caseId}");
        return response.StatusCode == HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
            ? null
            : await Scenario.ReadAsync(response, HttpStatusCode.OK);
    }
}
