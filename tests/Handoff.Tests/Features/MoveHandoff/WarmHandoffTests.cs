using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.MoveHandoff;

[Collection(NetworkCollection.Name)]
public sealed class WarmHandoffTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static readonly TownService PeerCircle =
        new("cso", "Handoff Peers", "Peer circle", ["social-connection", "mental-health"], ["in-person"]);

    private static readonly TownService HomeVisits = new("youth-support-centre", "Handoff Station", "Home visits", ["social-connection"], ["home-visit"]);

    /// <summary>A school refers a young person; two services of two other agencies in the same town are matched.</summary>
    private async Task<(HttpClient Teacher, Guid ReferralId, (Guid Agency, Guid Service) Peers, (Guid Agency, Guid Service) Station)> ReferredAsync()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "渡", services: [PeerCircle, HomeVisits]);
        await referred.MatchesAsync(_network);
        return (referred.Teacher, referred.ReferralId, referred.Services[0], referred.Services[1]);
    }

    private static async Task<JsonObject> MoveAsync(HttpClient client, Guid handoffId, string move, object? body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync($"/api/handoffs/{handoffId}/{move}", body ?? new { });
        return expected == HttpStatusCode.OK
            ? await Scenario.ReadAsync(response, expected)
            : await Scenario.ReadProblemAsync(response, expected);
    }

    [Fact]
    public async Task A_warm_handoff_goes_from_offered_to_accepted_to_connected_to_completed_and_its_details_follow_consent()
    {
        var (teacher, referralId, peers, _) = await ReferredAsync();
        var handoffId = (await new Scenario(_network).OfferHandoffAsync(teacher, referralId, peers.Service))["handoffId"]!.GetValue<Guid>();
        using var peerWorker = await _network.ClientAsync("worker", agency: peers.Agency);

        Assert.Equal("accepted", (await MoveAsync(peerWorker, handoffId, "accept", null, HttpStatusCode.OK))["status"]!.GetValue<string>());
        var connected = await MoveAsync(peerWorker, handoffId, "contact", new { modality = "in-person", note = "Met at the station café; next week again." },
            HttpStatusCode.OK);
        Assert.Equal("connected", connected["status"]!.GetValue<string>());
        var completed = await MoveAsync(peerWorker, handoffId, "complete", new { outcome = "got-help" }, HttpStatusCode.OK);
        Assert.Equal("completed", completed["status"]!.GetValue<string>());

        var withoutConsent = await Scenario.ReadAsync(await teacher.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK);
        var personId = (await Scenario.ReadAsync(await teacher.GetAsync($"/api/intake/cases/{withoutConsent["caseId"]}"), HttpStatusCode.OK))["personId"]!;
        await Scenario.ReadAsync(await Scenario.GrantAsync(teacher, personId.GetValue<Guid>(), ["case-notes"]), HttpStatusCode.Created);
        var withConsent = await Eventually.Until(
            async () => await Scenario.ReadAsync(await teacher.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK),
            h => h["outcome"] is not null, "the handoff service to permit the case notes");

        Assert.Equal("got-help", completed["outcome"]!.GetValue<string>()); // the mover sees what it has just written
        Assert.Equal("completed", withoutConsent["status"]!.GetValue<string>());
        Assert.Null(withoutConsent["outcome"]);
        Assert.Null(withoutConsent["contactModality"]);
        Assert.Null(withoutConsent["contactNote"]);
        Assert.Equal("got-help", withConsent["outcome"]!.GetValue<string>());
        Assert.Equal("in-person", withConsent["contactModality"]!.GetValue<string>());
        Assert.Equal("Met at the station café; next week again.", withConsent["contactNote"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_receiving_agency_accepts_and_an_agency_outside_the_handoff_cannot_see_it()
    {
        var (teacher, referralId, peers, station) = await ReferredAsync();
        var handoffId = (await new Scenario(_network).OfferHandoffAsync(teacher, referralId, peers.Service))["handoffId"]!.GetValue<Guid>();
        using var outsider = await _network.ClientAsync("worker", agency: station.Agency);

        await MoveAsync(teacher, handoffId, "accept", null, HttpStatusCode.Forbidden);
        await MoveAsync(outsider, handoffId, "accept", null, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await outsider.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accepting_a_withdrawn_offer_is_a_conflict_and_changes_nothing()
    {
        var (teacher, referralId, peers, _) = await ReferredAsync();
        var handoffId = (await new Scenario(_network).OfferHandoffAsync(teacher, referralId, peers.Service))["handoffId"]!.GetValue<Guid>();
        using var peerWorker = await _network.ClientAsync("worker", agency: peers.Agency);

        await MoveAsync(teacher, handoffId, "withdraw", null, HttpStatusCode.OK);
        await MoveAsync(peerWorker, handoffId, "accept", null, HttpStatusCode.Conflict);

        Assert.Equal("withdrawn", (await Scenario.ReadAsync(await teacher.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_offer_counts_as_a_pass_and_the_next_offer_carries_the_pass_number()
    {
        var (teacher, referralId, peers, station) = await ReferredAsync();
        var scenario = new Scenario(_network);
        var first = (await scenario.OfferHandoffAsync(teacher, referralId, peers.Service))["handoffId"]!.GetValue<Guid>();
        using var peerWorker = await _network.ClientAsync("worker", agency: peers.Agency);

        await MoveAsync(peerWorker, first, "decline", new { reason = "astrology" }, HttpStatusCode.UnprocessableEntity);
        await MoveAsync(peerWorker, first, "decline", new { reason = "no-capacity", note = "Full until spring." }, HttpStatusCode.OK);
        var second = (await scenario.OfferHandoffAsync(teacher, referralId, station.Service))["handoffId"]!.GetValue<Guid>();

        var view = await Scenario.ReadAsync(await teacher.GetAsync($"/api/handoffs/{second}"), HttpStatusCode.OK);
        Assert.Equal(1, view["passNumber"]!.GetValue<int>());
        using var stationWorker = await _network.ClientAsync("worker", agency: station.Agency);
        var incoming = await Scenario.ReadAsync(await stationWorker.GetAsync("/api/handoffs?direction=incoming&status=offered"), HttpStatusCode.OK);
        Assert.Contains(incoming["items"]!.AsArray(), h => h!["handoffId"]!.GetValue<Guid>() == second);
    }
}
