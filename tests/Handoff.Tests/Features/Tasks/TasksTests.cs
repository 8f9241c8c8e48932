using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Handoff.Features;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.Tasks;

[Collection(NetworkCollection.Name)]
public sealed class TasksTests(NetworkFixture fixture)
{
    private static readonly HandoffOptions Defaults = new();
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Each_side_sees_what_is_its_to_do_and_a_pass_comes_back_to_the_sender_as_choosing_the_next_service()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "務",
            services: [new("cso", "Tasks Peers", "Peer circle", ["social-connection"], ["in-person"])]);
        await referred.MatchesAsync(_network);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        var offer = await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService);
        var handoffId = offer["handoffId"]!.GetValue<Guid>();

        var toAnswer = Single(await TasksAsync(receiver), handoffId);
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/accept", new { }), HttpStatusCode.OK);
        var toContact = Single(await TasksAsync(receiver), handoffId);

        Assert.Equal(TaskKinds.AnswerOffer, toAnswer["kind"]!.GetValue<string>());
        Assert.Equal(offer["respondBy"]!.GetValue<DateTimeOffset>(), toAnswer["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(1));
        Assert.Equal(TaskKinds.MakeFirstContact, toContact["kind"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.UtcNow + Defaults.ContactWithin, toContact["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(1));
        Assert.DoesNotContain((await TasksAsync(referred.Teacher)).Select(t => t!["handoffId"]!.GetValue<Guid>()), id => id == handoffId);
    }

    [Fact]
    public async Task A_declined_offer_gives_the_sender_a_task_to_choose_the_next_service_which_the_next_offer_ends()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "次",
            services: [new("cso", "Tasks Full", "Full circle", ["social-connection"], ["in-person"]), new("cso", "Tasks Next", "Next circle", ["social-connection"], ["in-person"])]);
        await referred.MatchesAsync(_network);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        var scenario = new Scenario(_network);
        var handoffId = (await scenario.OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.Services[0].Service))["handoffId"]!.GetValue<Guid>();
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/decline", new { reason = DeclineReasons.NoCapacity }), HttpStatusCode.OK);

        var choose = Single(await TasksAsync(referred.Teacher), handoffId);
        await scenario.OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.Services[1].Service);

        Assert.Equal(TaskKinds.ChooseNextService, choose["kind"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.UtcNow + Defaults.NextStepWithin, choose["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(1));
        Assert.DoesNotContain((await TasksAsync(referred.Teacher)).Select(t => t!["handoffId"]!.GetValue<Guid>()), id => id == handoffId);
    }

    [Fact]
    public async Task Tasks_and_offers_name_their_case_and_the_sender_lists_its_offers_awaiting_an_answer()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "名",
            services: [new("cso", "Tasks Named", "Named circle", ["social-connection"], ["in-person"])]);
        await referred.MatchesAsync(_network);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        var handoffId = (await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService))["handoffId"]!.GetValue<Guid>();
        var reference = BuildingBlocks.Web.CaseReference.Of(referred.CaseId);

        var task = Single(await TasksAsync(receiver), handoffId);
        var awaiting = await OffersAsync(referred.Teacher, HandoffDirections.Outgoing);
        var incoming = await OffersAsync(receiver, HandoffDirections.Incoming);
        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/accept", new { }), HttpStatusCode.OK);
        var answered = await OffersAsync(referred.Teacher, HandoffDirections.Outgoing);
        var cases = await Scenario.ReadAsync(await referred.Teacher.GetAsync("/api/intake/cases?participating=true"), HttpStatusCode.OK);

        Assert.Matches("^RN-[0-9A-HJKMNP-TV-Z]{8}$", reference);
        Assert.Equal((referred.CaseId, reference), (task["caseId"]!.GetValue<Guid>(), task["caseReference"]!.GetValue<string>()));
        Assert.Equal(reference, Single(awaiting, handoffId)["caseReference"]!.GetValue<string>());
        Assert.Equal(reference, Single(incoming, handoffId)["caseReference"]!.GetValue<string>());
        Assert.DoesNotContain(answered, h => h!["handoffId"]!.GetValue<Guid>() == handoffId);
        Assert.Equal(reference, Assert.Single(cases["items"]!.AsArray(), c => c!["caseId"]!.GetValue<Guid>() == referred.CaseId)!["reference"]!.GetValue<string>());
    }

    private static async Task<JsonArray> OffersAsync(HttpClient worker, string direction) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/handoffs?direction={direction}&status={HandoffStatuses.Offered}&limit=100"), HttpStatusCode.OK))["items"]!.AsArray();

    private static async Task<JsonArray> TasksAsync(HttpClient worker) =>
        (await Scenario.ReadAsync(await worker.GetAsync("/api/handoffs/tasks"), HttpStatusCode.OK))["items"]!.AsArray();

    private static JsonNode Single(JsonArray tasks, Guid handoffId) => Assert.Single(tasks, t => t!["handoffId"]!.GetValue<Guid>() == handoffId)!;
}
