using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>A network whose deadlines are seconds, as <c>Handoff__RespondWithin__Routine=00:00:03</c> in the run command's environment would make them.</summary>
public sealed class FastDeadlinesFixture : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public ReferralNetwork Network { get; private set; } = null!;

    public async Task InitializeAsync() => Network = await ReferralNetwork.StartAsync(serviceSettings: new Dictionary<string, string?>
    {
        ["Handoff:RespondWithin:Routine"] = Deadline.ToString(),
        ["Handoff:RespondWithin:Soon"] = Deadline.ToString(),
        ["Handoff:RespondWithin:Urgent"] = Deadline.ToString(),
        ["Handoff:ContactWithin"] = Deadline.ToString(),
        ["Handoff:NextStepWithin"] = "00:10:00",
    });

    public async Task DisposeAsync() => await Network.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FastDeadlinesCollection : ICollectionFixture<FastDeadlinesFixture>
{
    public const string Name = "fast-deadlines";
}

/// <summary>The warm handoff workflow end to end through the gateway, on the real clock, with deadlines of seconds.</summary>
[Collection(FastDeadlinesCollection.Name)]
public sealed class FastDeadlinesTests(FastDeadlinesFixture fixture)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly ReferralNetwork _network = fixture.Network;

    private static TownService Service(string name) => new("cso", $"Fast {name}", name, ["social-connection"], ["in-person"]);

    [Fact]
    public async Task Unanswered_and_declined_offers_pass_the_case_on_until_it_escalates_and_a_coordinator_gives_it_to_an_agency()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "速", services: [Service("Quiet"), Service("Full"), Service("Forwarded"), Service("Last")]);
        await referred.MatchesAsync(_network);
        var teacher = referred.Teacher;
        using var coordinator = await _network.ClientAsync("coordinator");
        using var full = await _network.ClientAsync("worker", agency: referred.Services[1].Agency);

        // Nobody answers the first offer: it expires, counts as a pass, and the sender has to choose the next service.
        var quiet = Scenario.HandoffIdOf(await referred.OfferAsync(_network, 0));
        var expired = await StatusUntilAsync(teacher, quiet, HandoffStatuses.Expired);
        var tasks = await Scenario.ReadAsync(await teacher.GetAsync("/api/handoffs/tasks"), HttpStatusCode.OK);
        // The second is declined; sent with autoForward, the next best candidate's offer goes out by itself.
        var fullOffer = Scenario.HandoffIdOf(await Scenario.ReadAsync(await Scenario.UntilKnownAsync(() => teacher.PostAsJsonAsync("/api/handoffs",
            new { referralId = referred.ReferralId, toServiceId = referred.Services[1].Service, autoForward = true }), "the offer"), HttpStatusCode.Created));
        await Scenario.ReadAsync(await full.PostAsJsonAsync($"/api/handoffs/{fullOffer}/decline", new { reason = DeclineReasons.NoCapacity }), HttpStatusCode.OK);
        var forwarded = await Eventually.Until(() => OutgoingAsync(teacher, referred.ReferralId),
            h => h.Any(o => o["passNumber"]!.GetValue<int>() == 2), "the forwarded offer", Within);
        var forwardedOffer = forwarded.Single(o => o["passNumber"]!.GetValue<int>() == 2);
        // Nobody answers that one either: the third pass escalates the case as passed around, and nothing more is forwarded.
        await StatusUntilAsync(teacher, Scenario.HandoffIdOf(forwardedOffer), HandoffStatuses.Expired);
        var escalation = await EscalationUntilAsync(coordinator, referred.CaseId, EscalationReasons.PassedAround);
        var matches = await Eventually.Until(
            async () => await Scenario.ReadAsync(await teacher.GetAsync($"/api/matching/referrals/{referred.ReferralId}/matches"), HttpStatusCode.OK),
            m => m["excluded"]!.AsArray().Count == 3, "the round without the three services that passed", Within);
        var assigned = await Scenario.ReadAsync(await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalation["escalationId"]}/assign",
            new { agencyId = referred.Services[3].Agency }), HttpStatusCode.OK);
        var resolved = await Scenario.ReadAsync(await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalation["escalationId"]}/resolve",
            new { resolution = EscalationResolutions.Other }), HttpStatusCode.OK);

        Assert.NotNull(expired["closedAt"]);
        Assert.Contains(tasks["items"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == TaskKinds.ChooseNextService && t["handoffId"]!.GetValue<Guid>() == quiet);
        Assert.Equal(referred.Services[2].Service, forwardedOffer["toServiceId"]!.GetValue<Guid>());
        Assert.Equal(3, (await OutgoingAsync(teacher, referred.ReferralId)).Count);
        Assert.Equal(3, escalation["passCount"]!.GetValue<int>());
        Assert.Equal(referred.Services.Take(3).Select(s => s.Service).Order(), matches["excluded"]!.AsArray().Select(s => s!.GetValue<Guid>()).Order());
        Assert.Equal([referred.Services[3].Service], matches["candidates"]!.AsArray().Select(c => c!["serviceId"]!.GetValue<Guid>()));
        Assert.Equal(referred.Services[3].Agency, assigned["assignedAgencyId"]!.GetValue<Guid>());
        Assert.Equal((EscalationStatuses.Resolved, EscalationResolutions.Other), (resolved["status"]!.GetValue<string>(), resolved["resolution"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_accepted_offer_without_first_contact_escalates_the_case()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "遅", services: [Service("Silent")]);
        await referred.MatchesAsync(_network);
        using var coordinator = await _network.ClientAsync("coordinator");
        using var receiver = await _network.ClientAsync("worker", agency: referred.Peers);
        var handoffId = Scenario.HandoffIdOf(await referred.OfferAsync(_network, 0));

        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/accept", new { }), HttpStatusCode.OK);
        var escalation = await EscalationUntilAsync(coordinator, referred.CaseId, EscalationReasons.NoFirstContact);

        Assert.Equal(EscalationStatuses.Open, escalation["status"]!.GetValue<string>());
        Assert.Equal(HandoffStatuses.Accepted, (await Scenario.HandoffAsync(referred.Teacher, handoffId))["status"]!.GetValue<string>());
    }

    private static Task<JsonObject> StatusUntilAsync(HttpClient worker, Guid handoffId, string status) =>
        Eventually.Until(() => Scenario.HandoffAsync(worker, handoffId), h => h["status"]!.GetValue<string>() == status, $"handoff {handoffId} {status}", Within);

    private static async Task<IReadOnlyList<JsonObject>> OutgoingAsync(HttpClient worker, Guid referralId) =>
        [.. (await Scenario.ReadAsync(await worker.GetAsync("/api/handoffs?direction=outgoing&limit=100"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(h => h!.AsObject()).Where(h => h["referralId"]!.GetValue<Guid>() == referralId)];

    private static Task<JsonObject> EscalationUntilAsync(HttpClient coordinator, Guid caseId, string reason) =>
        Eventually.Until(
            async () => (await Scenario.ReadAsync(await coordinator.GetAsync("/api/handoffs/escalations?status=open&limit=100"), HttpStatusCode.OK))["items"]!
                .AsArray().Select(e => e!.AsObject()).FirstOrDefault(e => e["caseId"]!.GetValue<Guid>() == caseId && e["reason"]!.GetValue<string>() == reason)!,
            e => e is not null, $"a {reason} escalation of case {caseId}", Within);
}
