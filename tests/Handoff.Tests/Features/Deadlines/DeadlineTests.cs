using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.Deadlines;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.Deadlines;

/// <summary>
/// Deadlines measured in days, met by moving the handoff service's clock (its sweep keeps real time, every 200 ms
/// here). Each test moves the clock back when it ends, so the next one starts at the present.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class DeadlineTests(NetworkFixture fixture) : IAsyncLifetime
{
    private static readonly HandoffOptions Defaults = new();
    private readonly ReferralNetwork _network = fixture.Network;
    private readonly TimeSpan _shiftAtStart = fixture.Network.HandoffTime.Shift;

    private static TownService Service(string name) => new("cso", $"Deadline {name}", name, ["social-connection"], ["in-person"]);

    [Fact]
    public async Task An_offer_nobody_answers_expires_at_respond_by_counts_as_a_pass_gives_the_sender_a_task_and_the_next_offer_carries_it()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "期", services: [Service("Quiet"), Service("Next")]);
        await referred.MatchesAsync(_network);
        var first = await referred.OfferAsync(_network, 0);
        Assert.Equal(DateTimeOffset.UtcNow + Defaults.RespondWithin.Routine, first["respondBy"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(1));

        _network.HandoffTime.Advance(Defaults.RespondWithin.Routine + TimeSpan.FromMinutes(1));
        var expired = await HandoffUntilAsync(referred.Teacher, Scenario.HandoffIdOf(first), h => h["status"]!.GetValue<string>() == HandoffStatuses.Expired, "the offer to expire");
        var tasks = (await Scenario.ReadAsync(await referred.Teacher.GetAsync("/api/handoffs/tasks"), HttpStatusCode.OK))["items"]!.AsArray();
        var second = await referred.OfferAsync(_network, 1);

        var task = Assert.Single(tasks, t => t!["handoffId"]!.GetValue<Guid>() == Scenario.HandoffIdOf(first))!;
        Assert.Equal(TaskKinds.ChooseNextService, task["kind"]!.GetValue<string>());
        Assert.NotNull(expired["closedAt"]);
        Assert.Equal(1, (await Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(second)))["passNumber"]!.GetValue<int>());
        await TimelineUntilAsync(referred, t => t.Any(e => Kind(e) == TimelineKinds.HandoffExpired), "the expiry in the case's timeline");
    }

    [Fact]
    public async Task Three_passes_escalate_the_case_as_passed_around_and_a_pass_without_a_next_offer_escalates_after_two_days()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "回", services: [Service("One"), Service("Two"), Service("Three")]);
        await referred.MatchesAsync(_network);
        // A timeline entry's code detail (here the escalation's reason) is shown with case-notes consent.
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, [DataCategories.CaseNotes]);

        for (var i = 0; i < 2; i++)
        {
            await DeclineAsync(referred, i);
        }
        _network.HandoffTime.Advance(Defaults.NextStepWithin + TimeSpan.FromMinutes(1));
        var noNextStep = await TimelineUntilAsync(referred, t => Escalations(t).Contains(EscalationReasons.NoNextStep), "the no-next-step escalation");
        await DeclineAsync(referred, 2);
        var passedAround = await TimelineUntilAsync(referred, t => Escalations(t).Contains(EscalationReasons.PassedAround), "the passed-around escalation");

        Assert.DoesNotContain(EscalationReasons.PassedAround, Escalations(noNextStep)); // two passes are not yet passed around
        Assert.Single(Escalations(passedAround), EscalationReasons.PassedAround);
    }

    [Fact]
    public async Task An_accepted_offer_without_first_contact_escalates_and_first_contact_in_time_clears_the_deadline()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "接", services: [Service("Silent"), Service("Prompt")]);
        await referred.MatchesAsync(_network);
        // A timeline entry's code detail (here the escalation's reason) is shown with case-notes consent.
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, [DataCategories.CaseNotes]);
        using var silent = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        using var prompt = await _network.ClientAsync("worker", agency: referred.Services[1].Agency);
        var offer = await referred.OfferAsync(_network, 0);
        var promptOffer = await referred.OfferAsync(_network, 1);
        await Scenario.ReadAsync(await silent.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(offer)}/accept", new { }), HttpStatusCode.OK);
        await Scenario.ReadAsync(await prompt.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(promptOffer)}/accept", new { }), HttpStatusCode.OK);
        await Scenario.ReadAsync(await prompt.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(promptOffer)}/contact", new { modality = Modalities.InPerson }), HttpStatusCode.OK);
        Assert.Equal(0, await DueTimersAsync(Scenario.HandoffIdOf(promptOffer)));
        Assert.Equal(1, await DueTimersAsync(Scenario.HandoffIdOf(offer)));

        _network.HandoffTime.Advance(Defaults.ContactWithin + TimeSpan.FromMinutes(1));
        var escalated = await TimelineUntilAsync(referred, t => Escalations(t).Contains(EscalationReasons.NoFirstContact), "the no-first-contact escalation");

        Assert.Single(Escalations(escalated));
        Assert.Equal(0, await DueTimersAsync(Scenario.HandoffIdOf(offer))); // fired and gone
    }

    [Fact]
    public async Task Two_sweeps_on_one_database_fire_each_deadline_once()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "二", services: [Service("Twice")]);
        await referred.MatchesAsync(_network);
        var offer = await referred.OfferAsync(_network, 0);
        var services = _network.HandoffServices;
        // Two more sweeps besides the service's own, as two more instances would run them, on a clock already past the deadline.
        var past = new ShiftedTime();
        past.Advance(_network.HandoffTime.Shift + Defaults.RespondWithin.Routine + TimeSpan.FromMinutes(1));
        var sweeps = Enumerable.Range(0, 2).Select(_ => new DeadlineSweep(services.GetRequiredService<Database>(), services.GetRequiredService<CasePasses>(),
            services.GetRequiredService<IOptions<HandoffOptions>>(), past, NullLogger<DeadlineSweep>.Instance)).ToList();

        await Task.WhenAll(sweeps.Select(s => s.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(HandoffStatuses.Expired, (await Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(offer)))["status"]!.GetValue<string>());
        Assert.Equal(1, await ExpiriesAnnouncedAsync(Scenario.HandoffIdOf(offer)));
    }

    [Fact]
    public async Task Deadlines_that_fall_due_while_the_service_is_down_fire_once_when_it_starts()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "再", services: [Service("Restart")]);
        await referred.MatchesAsync(_network);
        var handoffId = Scenario.HandoffIdOf(await referred.OfferAsync(_network, 0));
        // The running instance stops sweeping, as a stopped service would; its deadline falls due meanwhile.
        var running = _network.HandoffServices.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DeadlineSweep>().Single();
        await running.StopAsync(CancellationToken.None);
        try
        {
            _network.HandoffTime.Advance(Defaults.RespondWithin.Routine + TimeSpan.FromMinutes(1));
            var dueWhileDown = await DueTimersAsync(handoffId, DueTimerKinds.OfferExpiry);
            await using (_network.StartAnotherHandoff())
            {
                await HandoffUntilAsync(referred.Teacher, handoffId, h => h["status"]!.GetValue<string>() == HandoffStatuses.Expired, "the started instance to fire the deadline");
            }

            Assert.Equal(1, dueWhileDown);
            Assert.Equal(0, await DueTimersAsync(handoffId, DueTimerKinds.OfferExpiry));
            Assert.Equal(1, await ExpiriesAnnouncedAsync(handoffId));
        }
        finally
        {
            await running.StartAsync(CancellationToken.None);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _network.HandoffTime.BackTo(_shiftAtStart);
        return Task.CompletedTask;
    }

    private async Task DeclineAsync(ReferredPerson referred, int service)
    {
        using var receiver = await _network.ClientAsync("worker", agency: referred.Services[service].Agency);
        var offer = await referred.OfferAsync(_network, service);
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(offer)}/decline",
            new { reason = DeclineReasons.NoCapacity, note = "Full until spring." }), HttpStatusCode.OK);
    }

    private static Task<JsonObject> HandoffUntilAsync(HttpClient worker, Guid handoffId, Func<JsonObject, bool> holds, string what) =>
        Eventually.Until(() => Scenario.HandoffAsync(worker, handoffId), holds, what, TimeSpan.FromSeconds(15));

    private static async Task<JsonArray> TimelineUntilAsync(ReferredPerson referred, Func<JsonArray, bool> holds, string what) =>
        await Eventually.Until(async () => (await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/intake/cases/{referred.CaseId}"),
            HttpStatusCode.OK))["timeline"]!.AsArray(), holds, what, TimeSpan.FromSeconds(15));

    private static string Kind(JsonNode? entry) => entry!["kind"]!.GetValue<string>();

    private static List<string> Escalations(JsonArray timeline) =>
        timeline.Where(e => Kind(e) == TimelineKinds.CaseEscalated).Select(e => e!["text"]?.GetValue<string>()).OfType<string>().ToList();

    private async Task<int> DueTimersAsync(Guid handoffId, string? kind = null)
    {
        await using var work = await _network.HandoffServices.GetRequiredService<Database>().BeginAsync(CancellationToken.None);
        return await work.QuerySingleAsync<int>("SELECT COUNT(*)::int FROM due_timers WHERE handoff_id = @HandoffId AND (@Kind::text IS NULL OR kind = @Kind)",
            new { HandoffId = handoffId, Kind = kind }, CancellationToken.None);
    }

    private async Task<int> ExpiriesAnnouncedAsync(Guid handoffId)
    {
        await using var work = await _network.HandoffServices.GetRequiredService<Database>().BeginAsync(CancellationToken.None);
        return await work.QuerySingleAsync<int>(
            "SELECT COUNT(*)::int FROM outbox_messages WHERE message_type LIKE '%HandoffExpired%' AND body LIKE '%' || @Id || '%'",
            new { Id = handoffId.ToString() }, CancellationToken.None);
    }
}
