using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.ViewCase;

[Collection(NetworkCollection.Name)]
public sealed class CaseTimelineTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_timeline_receives_consent_and_handoff_events_in_order_and_the_lead_follows_first_contact()
    {
        var scenario = new Scenario(_network);
        var town = UniqueTown();
        var (school, schoolAgency) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Timeline High");
        var busy = await scenario.CreateAgencyAsync("clinic", "Busy Clinic");
        var peers = await scenario.CreateAgencyAsync("cso", "Timeline Peers");
        var busyService = await scenario.CreateServiceAsync(busy, "Full clinic", ["social-connection"], ["video"], municipality: town);
        var peerService = await scenario.CreateServiceAsync(peers, "Peer circle", ["social-connection"], ["online-chat"], municipality: town);
        using var busyWorker = await _network.ClientAsync("worker", agency: busy);
        using var peerWorker = await _network.ClientAsync("worker", agency: peers);

        var referral = await ReferAsync(school, Scenario.Referral("田中", $"一{Guid.NewGuid():N}"[..6], UniqueBirthDate(), town));
        var (caseId, referralId) = (IdOf(referral, "caseId"), IdOf(referral, "referralId"));
        var waiting = await ViewAsync(school, caseId);
        Assert.Equal("awaiting-consent", waiting["status"]!.GetValue<string>()); // a school referred; the young person has not agreed yet

        var consent = await Scenario.ReadAsync(await Scenario.GrantAsync(school, IdOf(referral, "personId"), ["needs-summary", "case-notes"]), HttpStatusCode.Created);
        await ViewUntilAsync(school, caseId, v => v["status"]!.GetValue<string>() == "open", "the grant to open the case");
        await scenario.WaitForMatchesAsync(school, referralId);
        var declined = IdOf(await scenario.OfferHandoffAsync(school, referralId, busyService), "handoffId");
        await Scenario.ReadAsync(await busyWorker.PostAsJsonAsync($"/api/handoffs/{declined}/decline", new { reason = "no-capacity" }), HttpStatusCode.OK);
        var warm = IdOf(await scenario.OfferHandoffAsync(school, referralId, peerService), "handoffId");
        await Scenario.ReadAsync(await peerWorker.PostAsync($"/api/handoffs/{warm}/accept", null), HttpStatusCode.OK);
        var accepted = await ViewUntilAsync(school, caseId, v => KindsOf(v).Contains("handoff-accepted"), "the acceptance on the timeline");
        Assert.Equal(schoolAgency, IdOf(accepted, "leadAgencyId")); // the sender stays accountable until first contact
        await Scenario.ReadAsync(await peerWorker.PostAsJsonAsync($"/api/handoffs/{warm}/contact",
            new { at = DateTimeOffset.UtcNow, modality = "online-chat" }), HttpStatusCode.OK);

        // The grant reaches intake through two consumers: the timeline's (which opened the case) and the consent
        // projection's (which permits the texts); wait for both.
        var view = await ViewUntilAsync(school, caseId, v => KindsOf(v).Contains("lead-changed") && v["timeline"]![0]!["text"] is not null,
            "the first contact to move the lead, with the case notes permitted");
        Assert.Equal(
            ["case-opened", "referral-submitted", "consent-granted", "status-changed", "handoff-offered", "handoff-declined",
             "handoff-offered", "handoff-accepted", "handoff-connected", "lead-changed"],
            KindsOf(view));
        Assert.Equal(peers, IdOf(view, "leadAgencyId"));
        Assert.Contains(peers, view["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        var entries = view["timeline"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(IdOf(consent, "consentId"), IdOf(entries[2], "refId"));
        Assert.Equal([declined, declined, warm, warm, warm], entries.Skip(4).Take(5).Select(e => IdOf(e, "refId")));
        Assert.Equal("no-capacity", entries[5]["text"]!.GetValue<string>()); // codes only, shown with case-notes consent
        Assert.Equal("open", entries[3]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fields_are_null_without_consent_and_filled_with_it_and_a_non_participant_gets_404()
    {
        var (clinic, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("clinic", "Consent Clinic");
        var referral = await ReferAsync(clinic, Scenario.Referral("鈴木", $"花{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown(), source: "agency-worker"));
        var caseId = IdOf(referral, "caseId");
        using var outsider = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var without = await ViewAsync(clinic, caseId);
        await Scenario.ReadAsync(await Scenario.GrantAsync(clinic, IdOf(referral, "personId"), ["identity", "contact", "needs-summary", "case-notes"]), HttpStatusCode.Created);
        var with = await ViewUntilAsync(clinic, caseId, v => v["person"] is not null, "the grant to reach intake");

        Assert.Equal("open", without["status"]!.GetValue<string>()); // a worker's own referral is made with the young person
        foreach (var field in new[] { "person", "contact", "needs", "summary" })
        {
            Assert.Null(without[field]);
            Assert.NotNull(with[field]);
        }
        Assert.All(without["timeline"]!.AsArray(), e => Assert.Null(e!["text"]));
        Assert.Equal("agency-worker", with["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "referral-submitted")!["text"]!.GetValue<string>());
        Assert.Equal("鈴木", with["person"]!["familyName"]!.GetValue<string>());
        Assert.Equal("taro@example.org", with["contact"]!["email"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(await outsider.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.NotFound);
    }
}
