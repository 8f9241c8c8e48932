using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Flow;

/// <summary>Flow and summary figures against handoffs this class makes, in a network of its own with k = 3.</summary>
[Collection(NetworkCollection.Name)]
public sealed class FlowTests(SuppressingNetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>
    /// A school's referrals in a town of their own: three accepted by a peer circle (and, with <paramref name="contact"/>,
    /// contacted), and with <paramref name="decline"/> one declined by a clinic.
    /// </summary>
    private async Task<(Guid School, Guid Peers, Guid Clinic, IReadOnlyList<Guid> Accepted)> HandoffsAsync(bool contact, bool decline)
    {
        var scenario = new Scenario(_network);
        var town = $"Flow-{Guid.NewGuid():N}"[..14];
        var (school, peers, clinic) = (await scenario.CreateAgencyAsync("school", "Flow High"),
            await scenario.CreateAgencyAsync("cso", "Flow Peers"), await scenario.CreateAgencyAsync("clinic", "Flow Clinic"));
        var peerService = await scenario.CreateServiceAsync(peers, "Peer circle", ["social-connection"], ["in-person"], municipality: town);
        var clinicService = await scenario.CreateServiceAsync(clinic, "Youth clinic", ["mental-health"], ["video"], municipality: town);
        using var teacher = await _network.ClientAsync("worker", agency: school);
        using var peerWorker = await _network.ClientAsync("worker", agency: peers);
        using var doctor = await _network.ClientAsync("worker", agency: clinic);
        var accepted = new List<Guid>();
        for (var i = 0; i < (decline ? 4 : 3); i++)
        {
            var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral(givenName: $"流{i}{Guid.NewGuid():N}"[..9], municipality: town)), HttpStatusCode.Created);
            var referralId = referral["referralId"]!.GetValue<Guid>();
            await scenario.WaitForMatchesAsync(teacher, referralId);
            var (receiver, service, move) = i < 3 ? (peerWorker, peerService, "accept") : (doctor, clinicService, "decline");
            var handoffId = Scenario.HandoffIdOf(await scenario.OfferHandoffAsync(teacher, referralId, service));
            await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/{move}", new { reason = DeclineReasons.NoCapacity }), HttpStatusCode.OK);
            if (move == "accept")
            {
                accepted.Add(handoffId);
            }
            if (move == "accept" && contact)
            {
                await Scenario.ReadAsync(await peerWorker.PostAsJsonAsync($"/api/handoffs/{handoffId}/contact", new { modality = Modalities.Phone }), HttpStatusCode.OK);
            }
        }
        return (school, peers, clinic, accepted);
    }

    /// <summary>The ISO week the handoff service stamps its events in, and the insights clock moved past its end.</summary>
    private string EndedWeekOfHandoffs()
    {
        var now = _network.HandoffTime.GetUtcNow().UtcDateTime;
        _network.InsightsTime.Advance(_network.HandoffTime.Shift - _network.InsightsTime.Shift + TimeSpan.FromDays(8));
        return $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}";
    }

    private static JsonObject Cell(JsonObject flow, Guid from, Guid to) =>
        flow["cells"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == from.ToString() && c["to"]!.GetValue<string>() == to.ToString())!.AsObject();

    private static long? Shown(JsonNode figure) => figure["count"]?.GetValue<long>();

    [Fact]
    public async Task Flow_cells_count_offers_accepts_and_passes_and_hide_small_counts_with_every_total_that_would_reveal_them()
    {
        var (school, peers, clinic, _) = await HandoffsAsync(contact: true, decline: true);
        var week = EndedWeekOfHandoffs();
        using var coordinator = await _network.ClientAsync("coordinator");
        try
        {
            var byAgency = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/flow?period={week}&by=agency"), HttpStatusCode.OK),
                f => f["cells"]!.AsArray().Any(c => c!["to"]!.GetValue<string>() == clinic.ToString() && c["passed"]!["suppressed"]!.GetValue<bool>())
                    && f["cells"]!.AsArray().Any(c => c!["to"]!.GetValue<string>() == peers.ToString() && Shown(c["accepted"]!) == 3),
                "insights to count the four handoffs");
            var byKind = await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/flow?period={week}"), HttpStatusCode.OK);
            var summary = await Scenario.ReadAsync(await coordinator.GetAsync("/api/insights/summary"), HttpStatusCode.OK);

            var toPeers = Cell(byAgency, school, peers);
            var toClinic = Cell(byAgency, school, clinic);
            Assert.Equal((3L, 3L, 0L), (Shown(toPeers["offered"]!)!.Value, Shown(toPeers["accepted"]!)!.Value, Shown(toPeers["passed"]!)!.Value));
            Assert.Equal((true, 0L, true), (toClinic["offered"]!["suppressed"]!.GetValue<bool>(), Shown(toClinic["accepted"]!)!.Value, toClinic["passed"]!["suppressed"]!.GetValue<bool>()));
            // The school's row adds a shown 3 and a hidden 1: shown, it would give the 1 away; so would the network's total.
            var schoolRow = byAgency["totals"]!["from"]!.AsArray().Single(t => t!["group"]!.GetValue<string>() == school.ToString())!;
            Assert.True(schoolRow["offered"]!["suppressed"]!.GetValue<bool>());
            Assert.Equal(3, Shown(byAgency["totals"]!["to"]!.AsArray().Single(t => t!["group"]!.GetValue<string>() == peers.ToString())!["offered"]!));
            Assert.True(byAgency["totals"]!["network"]!["offered"]!["suppressed"]!.GetValue<bool>());
            // By kind the same pairs: school to cso shown, school to clinic hidden; and the summary's network offers too.
            Assert.Equal(3, Shown(byKind["cells"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == "school" && c["to"]!.GetValue<string>() == "cso")!["offered"]!));
            Assert.True(byKind["cells"]!.AsArray().Single(c => c!["to"]!.GetValue<string>() == "clinic")!["offered"]!["suppressed"]!.GetValue<bool>());
            Assert.True(summary["offers"]!["suppressed"]!.GetValue<bool>());
            Assert.Equal(week, byAgency["period"]!.GetValue<string>());
        }
        finally
        {
            _network.InsightsTime.Advance(-_network.InsightsTime.Shift);
        }
    }

    [Fact]
    public async Task A_period_that_has_not_ended_or_is_not_a_whole_week_or_month_is_422()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var now = DateTime.UtcNow;
        var thisMonth = $"{now:yyyy-MM}";

        foreach (var period in new[] { thisMonth, "2026-W54", "2026-13", "2026-11-01", "last-week" })
        {
            var problem = await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/insights/flow?period={period}"), HttpStatusCode.UnprocessableEntity);
            Assert.True(problem["errors"]!.AsObject().ContainsKey("period"), period);
        }
        await Scenario.ReadProblemAsync(await coordinator.GetAsync("/api/insights/flow?period=2026-W01&by=person"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Open_escalations_and_stuck_handoffs_count_what_is_open_now_and_hide_a_small_count()
    {
        var (_, peers, _, accepted) = await HandoffsAsync(contact: false, decline: false);
        using var coordinator = await _network.ClientAsync("coordinator");
        using var peerWorker = await _network.ClientAsync("worker", agency: peers);
        try
        {
            // A week and a day without first contact: each of the three accepted handoffs escalates its case (the other
            // test's handoffs were contacted, so these are the network's only stuck ones).
            _network.HandoffTime.Advance(TimeSpan.FromDays(8));
            var stuck = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync("/api/insights/summary"), HttpStatusCode.OK),
                s => Shown(s["stuckHandoffs"]!) == 3 && Shown(s["openEscalations"]!) >= 3,
                "insights to see three stuck handoffs and their escalations");
            await Scenario.ReadAsync(await peerWorker.PostAsJsonAsync($"/api/handoffs/{accepted[0]}/contact", new { modality = Modalities.Phone }), HttpStatusCode.OK);
            var contacted = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync("/api/insights/summary"), HttpStatusCode.OK),
                s => Shown(s["stuckHandoffs"]!) != 3, "insights to see the first contact");

            Assert.False(stuck["stuckHandoffs"]!["suppressed"]!.GetValue<bool>());
            Assert.Equal(new JsonObject { ["count"] = null, ["suppressed"] = true }.ToJsonString(), contacted["stuckHandoffs"]!.ToJsonString());
        }
        finally
        {
            _network.HandoffTime.Advance(-_network.HandoffTime.Shift);
        }
    }
}
