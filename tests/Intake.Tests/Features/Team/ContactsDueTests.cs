using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Intake.Tests.Features.Team;

/// <summary>The young person's own view of their case says which agency is to contact them, and by when.</summary>
[Collection(NetworkCollection.Name)]
public sealed class ContactsDueTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_agency_that_accepted_is_due_to_contact_the_young_person_until_it_has()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        await referred.MatchesAsync(_network);
        var offer = await referred.OfferAsync(_network, 0);
        using var receiver = await _network.ClientAsync("worker", agency: referred.Peers);
        var accepted = await Scenario.ReadAsync(await receiver.PostAsync($"/api/handoffs/{offer["handoffId"]}/accept", null), HttpStatusCode.OK);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;

        var due = await Eventually.Until(() => ContactsDueAsync(youth, referred.CaseId), d => d.Count > 0, "the receiver's first contact to be due");
        var contact = Assert.Single(due);
        Assert.Equal(referred.Peers, contact["agencyId"]!.GetValue<Guid>());
        // Handoff's first-contact window (7 days) from the accept.
        Assert.Equal(accepted["acceptedAt"]!.GetValue<DateTimeOffset>().AddDays(7), contact["by"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(1));

        await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/contact", new { modality = "in-person" }), HttpStatusCode.OK);
        await Eventually.Until(() => ContactsDueAsync(youth, referred.CaseId), d => d.Count == 0, "first contact to settle what was due");
    }

    private static async Task<IReadOnlyList<JsonObject>> ContactsDueAsync(HttpClient youth, Guid caseId)
    {
        var mine = await Scenario.ReadAsync(await youth.GetAsync("/api/intake/me/cases"), HttpStatusCode.OK);
        return [.. mine["items"]!.AsArray().Single(c => c!["caseId"]!.GetValue<Guid>() == caseId)!["contactsDue"]!.AsArray().Select(d => d!.AsObject())];
    }
}
