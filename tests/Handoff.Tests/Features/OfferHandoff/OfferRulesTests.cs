using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.OfferHandoff;

[Collection(NetworkCollection.Name)]
public sealed class OfferRulesTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static TownService Service(string name) => new("cso", $"Rules {name}", name, ["social-connection"], ["in-person"]);

    [Fact]
    public async Task A_service_that_passed_on_the_case_is_refused_and_one_with_an_open_offer_is_a_conflict()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "規", services: [Service("Passed"), Service("Busy")]);
        await referred.MatchesAsync(_network);
        using var passer = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        var declined = await referred.OfferAsync(_network, 0);
        await Scenario.ReadAsync(await passer.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(declined)}/decline", new { reason = DeclineReasons.NotAppropriate }), HttpStatusCode.OK);
        await referred.OfferAsync(_network, 1);

        var again = await referred.Teacher.PostAsJsonAsync("/api/handoffs", new { referralId = referred.ReferralId, toServiceId = referred.Services[0].Service });
        var twice = await referred.Teacher.PostAsJsonAsync("/api/handoffs", new { referralId = referred.ReferralId, toServiceId = referred.Services[1].Service });

        var refused = await Scenario.ReadProblemAsync(again, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["toServiceId"], refused["errors"]!.AsObject().Select(e => e.Key));
        await Scenario.ReadProblemAsync(twice, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Any_service_of_the_directory_that_takes_the_person_can_be_offered_and_one_that_does_not_is_refused()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "外", services: [Service("Proposed")]);
        await referred.MatchesAsync(_network);
        // Listed after the proposal was made, so not among the candidates: one covers a need of the referral, one does not.
        var scenario = new Scenario(_network);
        var later = await scenario.CreateServiceAsync(
            await scenario.CreateAgencyAsync("clinic", "Rules Later"), "Later", ["mental-health"], ["video"], municipality: referred.Town);
        var unfit = await scenario.CreateServiceAsync(
            await scenario.CreateAgencyAsync("welfare-office", "Rules Unfit"), "Unfit", ["employment"], ["in-person"], municipality: referred.Town);

        var offered = await Eventually.Until(
            () => Scenario.OfferAsync(referred.Teacher, referred.ReferralId, later),
            r => r.StatusCode != HttpStatusCode.UnprocessableEntity, "handoff to learn of the later service");
        var refused = await Eventually.Until(
            async () => await Scenario.ReadProblemAsync(await Scenario.OfferAsync(referred.Teacher, referred.ReferralId, unfit), HttpStatusCode.UnprocessableEntity),
            p => p["errors"]!["toServiceId"]![0]!.GetValue<string>().StartsWith("does not take", StringComparison.Ordinal), "handoff to learn of the unfit service");
        var unknown = await Scenario.ReadProblemAsync(
            await Scenario.OfferAsync(referred.Teacher, referred.ReferralId, Guid.NewGuid()), HttpStatusCode.UnprocessableEntity);

        var handoff = await Scenario.ReadAsync(offered, HttpStatusCode.Created);
        Assert.Equal(HandoffStatuses.Offered, (await Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(handoff)))["status"]!.GetValue<string>());
        Assert.Equal(["toServiceId"], refused["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("is not a service of the directory", unknown["errors"]!["toServiceId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Closing_the_case_withdraws_its_open_offers_and_the_decline_note_reaches_the_sender_with_consent()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "閉", services: [Service("Open"), Service("Decliner")]);
        await referred.MatchesAsync(_network);
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, [DataCategories.CaseNotes]);
        using var decliner = await _network.ClientAsync("worker", agency: referred.Services[1].Agency);
        var open = await referred.OfferAsync(_network, 0);
        var declined = await referred.OfferAsync(_network, 1);
        await Scenario.ReadAsync(await decliner.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(declined)}/decline",
            new { reason = DeclineReasons.NoCapacity, note = "Full until April; try the evening group." }), HttpStatusCode.OK);
        var seen = await Eventually.Until(() => Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(declined)), h => h["declineNote"] is not null,
            "the decline note under the case-notes consent");

        await Scenario.ReadAsync(await referred.Teacher.PostAsJsonAsync($"/api/intake/cases/{referred.CaseId}/close",
            new { reason = CaseCloseReasons.MovedAway }), HttpStatusCode.OK);
        var withdrawn = await Eventually.Until(() => Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(open)),
            h => h["status"]!.GetValue<string>() == HandoffStatuses.Withdrawn, "the open offer to be withdrawn");

        Assert.Equal("Full until April; try the evening group.", seen["declineNote"]!.GetValue<string>());
        Assert.NotNull(withdrawn["closedAt"]);
        Assert.Equal(HandoffStatuses.Declined, (await Scenario.HandoffAsync(referred.Teacher, Scenario.HandoffIdOf(declined)))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_offer_sent_with_auto_forward_reaches_the_next_candidate_by_itself_when_it_is_declined()
    {
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "転", services: [Service("First"), Service("Second")]);
        await referred.MatchesAsync(_network);
        using var first = await _network.ClientAsync("worker", agency: referred.Services[0].Agency);
        var offer = await Scenario.ReadAsync(await Scenario.UntilKnownAsync(() => referred.Teacher.PostAsJsonAsync("/api/handoffs",
            new { referralId = referred.ReferralId, toServiceId = referred.Services[0].Service, autoForward = true }), "the matches"), HttpStatusCode.Created);
        await Scenario.ReadAsync(await first.PostAsJsonAsync($"/api/handoffs/{Scenario.HandoffIdOf(offer)}/decline", new { reason = DeclineReasons.NoCapacity }), HttpStatusCode.OK);

        var forwarded = await Eventually.Until(async () => (await Scenario.ReadAsync(await referred.Teacher.GetAsync("/api/handoffs?direction=outgoing&limit=200"),
                HttpStatusCode.OK))["items"]!.AsArray().FirstOrDefault(h => h!["caseId"]!.GetValue<Guid>() == referred.CaseId && h["handoffId"]!.GetValue<Guid>() != Scenario.HandoffIdOf(offer)),
            h => h is not null, "the forwarded offer");

        Assert.Equal(referred.Services[1].Service, forwarded!["toServiceId"]!.GetValue<Guid>());
        Assert.Equal(HandoffStatuses.Offered, forwarded["status"]!.GetValue<string>());
        Assert.Equal(1, forwarded["passNumber"]!.GetValue<int>());
        Assert.True(forwarded["autoForward"]!.GetValue<bool>());
    }
}
