using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.Escalations;

[Collection(NetworkCollection.Name)]
public sealed class EscalationTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static TownService Service(string name) => new("cso", $"Escalation {name}", name, ["social-connection"], ["in-person"]);

    [Fact]
    public async Task A_coordinator_gives_a_passed_around_case_to_an_agency_which_leads_it_and_then_resolves_the_escalation()
    {
        var referred = await PassedAroundAsync("調");
        using var coordinator = await _network.ClientAsync("coordinator");
        var station = await new Scenario(_network).CreateAgencyAsync("youth-support-centre", "Escalation Station");
        using var stationWorker = await _network.ClientAsync("worker", agency: station);

        var open = await Eventually.Until(() => OfCaseAsync(coordinator, referred.CaseId, EscalationStatuses.Open), e => e is not null, "the escalation");
        var escalationId = open!["escalationId"]!.GetValue<Guid>();
        var assigned = await Scenario.ReadAsync(await AssignAsync(coordinator, escalationId, station), HttpStatusCode.OK);
        // The case is the station's to read once intake has the assignment (404 until then, like for any outsider).
        var led = await Eventually.Until(async () =>
            {
                using var response = await stationWorker.GetAsync($"/api/intake/cases/{referred.CaseId}");
                return response.StatusCode == HttpStatusCode.OK ? await Scenario.ReadAsync(response, HttpStatusCode.OK) : null;
            },
            view => view?["leadAgencyId"]?.GetValue<Guid>() == station, "the assigned agency to lead the case");
        var resolved = await Scenario.ReadAsync(await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalationId}/resolve",
            new { resolution = EscalationResolutions.YouthContacted }), HttpStatusCode.OK);
        var again = await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalationId}/resolve", new { resolution = EscalationResolutions.Other });
        var unknown = await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{Guid.NewGuid()}/assign", new { agencyId = station });

        Assert.Equal(EscalationReasons.PassedAround, open["reason"]!.GetValue<string>());
        Assert.Equal(3, open["passCount"]!.GetValue<int>());
        Assert.Equal(referred.School, open["leadAgencyId"]!.GetValue<Guid>()); // the referrer leads until first contact
        Assert.Equal(station, assigned["assignedAgencyId"]!.GetValue<Guid>());
        Assert.Contains(station, led!["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        Assert.Equal(EscalationStatuses.Resolved, resolved["status"]!.GetValue<string>());
        Assert.Equal(EscalationResolutions.YouthContacted, resolved["resolution"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(again, HttpStatusCode.Conflict);
        await Scenario.ReadProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.NotNull(await OfCaseAsync(coordinator, referred.CaseId, EscalationStatuses.Resolved));
    }

    [Fact]
    public async Task Escalations_are_for_coordinators_and_a_bad_status_or_resolution_is_422()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        using var coordinator = await _network.ClientAsync("coordinator");

        await Scenario.ReadProblemAsync(await worker.GetAsync("/api/handoffs/escalations"), HttpStatusCode.Forbidden);
        await Scenario.ReadProblemAsync(await coordinator.GetAsync("/api/handoffs/escalations?status=forgotten"), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadProblemAsync(await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{Guid.NewGuid()}/resolve",
            new { resolution = EscalationResolutions.OfferAccepted }), HttpStatusCode.UnprocessableEntity); // the network's own, not a coordinator's
    }

    [Fact]
    public async Task An_escalation_goes_only_to_an_agency_of_the_directory_and_a_second_assignment_ends_the_standing_the_first_gave()
    {
        var referred = await PassedAroundAsync("再");
        using var coordinator = await _network.ClientAsync("coordinator");
        var scenario = new Scenario(_network);
        var (first, second) = (await scenario.CreateAgencyAsync("youth-support-centre", "First Station"), await scenario.CreateAgencyAsync("cso", "Second Station"));
        using var firstWorker = await _network.ClientAsync("worker", agency: first);
        using var secondWorker = await _network.ClientAsync("worker", agency: second);
        var escalationId = (await Eventually.Until(() => OfCaseAsync(coordinator, referred.CaseId, EscalationStatuses.Open), e => e is not null, "the escalation"))!
            ["escalationId"]!.GetValue<Guid>();

        var nobody = await coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalationId}/assign", new { agencyId = Guid.NewGuid() });
        await Scenario.ReadAsync(await AssignAsync(coordinator, escalationId, first), HttpStatusCode.OK);
        await Eventually.Until(() => CaseStatusAsync(firstWorker, referred.CaseId), s => s == HttpStatusCode.OK, "the first station to take part");
        var reassigned = await Scenario.ReadAsync(await AssignAsync(coordinator, escalationId, second), HttpStatusCode.OK);

        Assert.Equal(["agencyId"], (await Scenario.ReadProblemAsync(nobody, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(second, reassigned["assignedAgencyId"]!.GetValue<Guid>());
        await Eventually.Until(() => CaseStatusAsync(secondWorker, referred.CaseId), s => s == HttpStatusCode.OK, "the second station to take part");
        await Eventually.Until(() => CaseStatusAsync(firstWorker, referred.CaseId), s => s == HttpStatusCode.NotFound, "the first station's standing to end");
        var team = await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/intake/cases/{referred.CaseId}/team"), HttpStatusCode.OK);
        Assert.DoesNotContain(first, team["members"]!.AsArray().Select(m => m!["agencyId"]!.GetValue<Guid>()));
        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        var assignments = await Eventually.Until(async () => (await Scenario.ReadAsync(await youth.GetAsync(
                $"/api/consent/persons/{referred.PersonId}/access-log?limit=200"), HttpStatusCode.OK))["items"]!.AsArray()
                .Where(e => e!["kind"]!.GetValue<string>() == "assigned").Select(e => e!["agencyId"]!.GetValue<Guid>()).ToList(),
            a => a.Count == 2, "both assignments in the young person's access log");
        Assert.Equal([first, second], assignments);
    }

    /// <summary>Three services decline the school's offers: the case escalates as passed around.</summary>
    private async Task<ReferredPerson> PassedAroundAsync(string givenName)
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: givenName, services: [Service("A"), Service("B"), Service("C")]);
        await referred.MatchesAsync(_network);
        foreach (var service in referred.Services)
        {
            using var receiver = await _network.ClientAsync("worker", agency: service.Agency);
            var offer = await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, service.Service);
            await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/decline", new { reason = DeclineReasons.NotEligible }),
                HttpStatusCode.OK);
        }
        return referred;
    }

    /// <summary>Assigns the escalation; an agency registered a moment ago reaches the handoff service's directory copy in milliseconds.</summary>
    private static Task<HttpResponseMessage> AssignAsync(HttpClient coordinator, Guid escalationId, Guid agencyId) =>
        Eventually.Until(() => coordinator.PostAsJsonAsync($"/api/handoffs/escalations/{escalationId}/assign", new { agencyId }),
            r => r.StatusCode != HttpStatusCode.UnprocessableEntity, "the agency to reach the handoff service");

    private static async Task<HttpStatusCode> CaseStatusAsync(HttpClient worker, Guid caseId)
    {
        using var response = await worker.GetAsync($"/api/intake/cases/{caseId}");
        return response.StatusCode;
    }

    /// <summary>The escalation of the case in the coordinators' list, paging through it.</summary>
    private static async Task<JsonObject?> OfCaseAsync(HttpClient coordinator, Guid caseId, string status)
    {
        string? cursor = null;
        do
        {
            var page = await Scenario.ReadAsync(await coordinator.GetAsync(
                $"/api/handoffs/escalations?status={status}&limit=200{(cursor is null ? "" : $"&cursor={cursor}")}"), HttpStatusCode.OK);
            if (page["items"]!.AsArray().FirstOrDefault(e => e!["caseId"]!.GetValue<Guid>() == caseId) is JsonObject found)
            {
                return found;
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return null;
    }
}
