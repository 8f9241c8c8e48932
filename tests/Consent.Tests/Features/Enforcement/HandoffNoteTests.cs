using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.Enforcement;

[Collection(NetworkCollection.Name)]
public sealed class HandoffNoteTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static async Task<string?> NoteAsync(HttpClient worker, Guid handoffId) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK))["note"]?.GetValue<string>();

    [Fact]
    public async Task A_handoff_note_is_shown_only_to_agencies_in_the_case_that_consent_covers_for_case_notes_and_every_read_is_logged()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var scenario = new Scenario(_network);
        await scenario.WaitForMatchesAsync(referred.Teacher, referred.ReferralId);
        var handoffId = (await scenario.OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService))["handoffId"]!.GetValue<Guid>();
        using var peerWorker = await _network.ClientAsync("worker", agency: referred.Peers);

        Assert.Null(await NoteAsync(referred.Teacher, handoffId)); // no consent yet, not even for the sender
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["case-notes"]);
        await Eventually.Until(() => NoteAsync(referred.Teacher, handoffId), note => note is not null, "the sender to read its note under the consent");
        Assert.Null(await NoteAsync(peerWorker, handoffId)); // offered, but not yet taking part in the case

        await Scenario.ReadAsync(await peerWorker.PostAsync($"/api/handoffs/{handoffId}/accept", null), HttpStatusCode.OK);
        var note = await Eventually.Until(() => NoteAsync(peerWorker, handoffId), n => n is not null, "the receiver to read the note once it takes part");
        Assert.Equal("Please call after 4pm.", note);

        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        // The log is built from events, so the permitted read may arrive a little after the denied ones.
        var log = await Eventually.Until(
            async () => await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK),
            l => l["items"]!.AsArray().Any(e => e!["agencyId"]!.GetValue<Guid>() == referred.Peers && e["decision"]!.GetValue<string>() == "permit"),
            "the receiver's permitted read in the access log");
        var peerReads = log["items"]!.AsArray().Where(e => e!["agencyId"]!.GetValue<Guid>() == referred.Peers).ToList();
        Assert.All(peerReads, e => Assert.Equal("case-notes", e!["category"]!.GetValue<string>()));
        Assert.Contains(peerReads, e => e!["decision"]!.GetValue<string>() == "deny");
    }
}
