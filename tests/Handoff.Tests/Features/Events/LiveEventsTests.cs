using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.Events;

[Collection(NetworkCollection.Name)]
public sealed class LiveEventsTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static TownService Service(string name) => new("cso", $"Live {name}", name, ["social-connection"], ["in-person"]);

    [Fact]
    public async Task A_connected_worker_receives_an_offer_within_a_second_and_a_reconnect_gets_what_it_missed_once()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "報", services: [Service("Receiver")]);
        await referred.MatchesAsync(_network);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Peers);
        var firstConnection = await LiveEvents.OpenAsync(receiver);

        var sent = Stopwatch.StartNew();
        var handoffId = Scenario.HandoffIdOf(await referred.OfferAsync(_network, 0));
        var (kind, received) = await firstConnection.NextAsync(within: TimeSpan.FromSeconds(1));
        var latency = sent.Elapsed;
        await firstConnection.DisposeAsync();
        // While nobody listens: the accept puts first contact on the receiver's list.
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/accept", new { }), HttpStatusCode.OK);
        await using var secondConnection = await LiveEvents.OpenAsync(receiver, lastEventId: received["id"]!.GetValue<long>());
        var missed = await secondConnection.NextAsync();
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/contact", new { modality = Modalities.Phone }), HttpStatusCode.OK);
        var live = await secondConnection.NextAsync();

        Assert.Equal(AgencyEventKinds.OfferReceived, kind);
        Assert.Equal(handoffId, received["handoffId"]!.GetValue<Guid>());
        Assert.Equal(referred.CaseId, received["caseId"]!.GetValue<Guid>());
        Assert.True(latency < TimeSpan.FromSeconds(1), $"offer to event took {latency.TotalMilliseconds:F0} ms");
        Assert.Equal((AgencyEventKinds.TaskDue, TaskKinds.MakeFirstContact), (missed.Kind, missed.Data["code"]!.GetValue<string>()));
        Assert.Equal((AgencyEventKinds.TaskDue, TaskKinds.RecordOutcome), (live.Kind, live.Data["code"]!.GetValue<string>()));
        Assert.True(missed.Data["id"]!.GetValue<long>() > received["id"]!.GetValue<long>());
        Assert.True(live.Data["id"]!.GetValue<long>() > missed.Data["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_sender_hears_the_answer_and_the_events_carry_ids_and_codes_only()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "答", services: [Service("Decliner")]);
        await referred.MatchesAsync(_network);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Peers);
        await using var sender = await LiveEvents.OpenAsync(referred.Teacher);
        var handoffId = Scenario.HandoffIdOf(await referred.OfferAsync(_network, 0));

        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/decline",
            new { reason = DeclineReasons.NoCapacity, note = "Full until spring; try the youth centre." }), HttpStatusCode.OK);
        var answered = await sender.NextAsync();
        var task = await sender.NextAsync();

        Assert.Equal((AgencyEventKinds.OfferAnswered, HandoffStatuses.Declined), (answered.Kind, answered.Data["code"]!.GetValue<string>()));
        Assert.Equal((AgencyEventKinds.TaskDue, TaskKinds.ChooseNextService), (task.Kind, task.Data["code"]!.GetValue<string>()));
        Assert.Equal(["caseId", "code", "handoffId", "id", "kind", "occurredAt"], answered.Data.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_last_event_id_that_is_not_an_id_is_422()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/handoffs/events");
        request.Headers.Add("Last-Event-ID", "yesterday");

        var problem = await Scenario.ReadProblemAsync(await worker.SendAsync(request), HttpStatusCode.UnprocessableEntity);

        Assert.True(problem["errors"]!.AsObject().ContainsKey("Last-Event-ID"));
    }

    [Fact]
    public async Task A_user_holds_at_most_five_streams_and_a_colleague_still_gets_one()
    {
        var agency = Guid.NewGuid();
        using var worker = await _network.ClientAsync("worker", agency: agency, sub: $"streams-{Guid.NewGuid():N}");
        using var colleague = await _network.ClientAsync("worker", agency: agency, sub: $"streams-{Guid.NewGuid():N}");
        var open = new List<LiveEvents>();
        for (var i = 0; i < 5; i++)
        {
            open.Add(await LiveEvents.OpenAsync(worker));
        }

        using var sixth = await worker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/handoffs/events"), HttpCompletionOption.ResponseHeadersRead);
        await using var theirs = await LiveEvents.OpenAsync(colleague);

        await Scenario.ReadProblemAsync(sixth, HttpStatusCode.TooManyRequests);
        Assert.NotNull(sixth.Headers.RetryAfter);
        await open[0].DisposeAsync();
        await Eventually.Until(async () =>
        {
            using var again = await worker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/handoffs/events"), HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode;
        }, status => status == HttpStatusCode.OK, "a closed stream's place to be free again");
        foreach (var stream in open.Skip(1))
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stream_ends_when_its_token_expires()
    {
        var now = DateTime.UtcNow;
        var token = ForgedTokens.Sign(TestIssuers.DevelopmentKey,
            [new Claim("sub", $"expiring-{Guid.NewGuid():N}"), new Claim("role", "worker"), new Claim("agency", Guid.NewGuid().ToString())],
            now.AddMinutes(-1), now.AddSeconds(3));
        using var worker = YouthSignIn.WithToken(_network, token);
        await using var events = await LiveEvents.OpenAsync(worker);

        Assert.True(await events.EndsAsync(within: TimeSpan.FromSeconds(15)), "the stream outlived its token");
    }
}
