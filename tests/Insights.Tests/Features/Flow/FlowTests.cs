using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Flow;

/// <summary>
/// Flow and summary figures against handoffs this class makes, in a network of its own with k = 3: each figure is its
/// count perturbed by its cell key (within 2), then never 1..k-1.
/// </summary>
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
        var town = Towns.Unique();
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

    /// <summary>The month the handoff service stamps its events in, and the insights clock moved past its end.</summary>
    private string EndedMonthOfHandoffs()
    {
        var now = _network.HandoffTime.GetUtcNow().UtcDateTime;
        var nextMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        _network.InsightsTime.Advance(_network.HandoffTime.Shift - _network.InsightsTime.Shift + (nextMonth - now) + TimeSpan.FromDays(1));
        return $"{now:yyyy-MM}";
    }

    private static JsonObject Cell(JsonObject flow, Guid from, Guid to) =>
        flow["cells"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == from.ToString() && c["to"]!.GetValue<string>() == to.ToString())!.AsObject();

    private static long? Shown(JsonNode figure) => figure["count"]?.GetValue<long>();

    /// <summary>Whether a figure is as published for <paramref name="count"/>: within 2 of it, never 1..k-1 (k = 3 here), 0 for none.</summary>
    private static bool IsDisclosed(long count, JsonNode figure) => Shown(figure) is { } shown
        ? shown == 0 ? count == 0 : shown >= 3 && Math.Abs(shown - count) <= 2
        : figure["suppressed"]!.GetValue<bool>() && count > 0;

    private static void Disclosed(long count, JsonNode figure) => Assert.True(IsDisclosed(count, figure), $"{figure.ToJsonString()} for {count}");

    /// <summary>Something was counted: the figure is no longer 0 (shown or hidden).</summary>
    private static bool Counted(JsonNode figure) => Shown(figure) != 0;

    [Fact]
    public async Task Flow_figures_are_the_counts_perturbed_by_their_cell_keys_never_1_to_k_minus_1_and_the_same_on_every_read()
    {
        var (school, peers, clinic, _) = await HandoffsAsync(contact: true, decline: true);
        var month = EndedMonthOfHandoffs();
        using var coordinator = await _network.ClientAsync("coordinator");
        try
        {
            var byAgency = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/flow?period={month}&by=agency"), HttpStatusCode.OK),
                f => f["cells"]!.AsArray().Count(c => c!["from"]!.GetValue<string>() == school.ToString()) == 2
                    && IsDisclosed(3, Cell(f, school, peers)["offered"]!) && IsDisclosed(3, Cell(f, school, peers)["accepted"]!)
                    && IsDisclosed(1, Cell(f, school, clinic)["offered"]!) && IsDisclosed(1, Cell(f, school, clinic)["passed"]!),
                "insights to count the four handoffs");
            var again = await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/flow?period={month}&by=agency"), HttpStatusCode.OK);

            var (toPeers, toClinic) = (Cell(byAgency, school, peers), Cell(byAgency, school, clinic));
            Disclosed(3, toPeers["offered"]!);
            Disclosed(3, toPeers["accepted"]!);
            Disclosed(0, toPeers["passed"]!);
            Disclosed(1, toClinic["offered"]!);
            Disclosed(0, toClinic["accepted"]!);
            Disclosed(1, toClinic["passed"]!);
            var schoolRow = byAgency["totals"]!["from"]!.AsArray().Single(t => t!["group"]!.GetValue<string>() == school.ToString())!;
            Disclosed(4, schoolRow["offered"]!);
            Assert.Equal(byAgency.ToJsonString(), again.ToJsonString());
            Assert.Equal(month, byAgency["period"]!.GetValue<string>());
            var summary = await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/summary?period={month}"), HttpStatusCode.OK);
            Assert.Equal(month, summary["period"]!.GetValue<string>());
        }
        finally
        {
            _network.InsightsTime.Reset();
        }
    }

    [Fact]
    public async Task A_period_that_has_not_ended_or_is_not_whole_or_a_free_range_is_422()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var now = DateTime.UtcNow;
        var thisMonth = $"{now:yyyy-MM}";

        foreach (var period in new[] { thisMonth, $"{now:yyyy}", "2026-W54", "2026-13", "2026-11-01", "last-week" })
        {
            var problem = await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/insights/flow?period={period}"), HttpStatusCode.UnprocessableEntity);
            Assert.True(problem["errors"]!.AsObject().ContainsKey("period"), period);
            await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/insights/summary?period={period}"), HttpStatusCode.UnprocessableEntity);
        }
        await Scenario.ReadProblemAsync(await coordinator.GetAsync("/api/insights/flow?period=2026-W01&by=person"), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadProblemAsync(await coordinator.GetAsync("/api/insights/summary?from=2026-11-01&to=2026-11-02"), HttpStatusCode.UnprocessableEntity);
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
                s => IsDisclosed(3, s["stuckHandoffs"]!) && Counted(s["openEscalations"]!),
                "insights to see three stuck handoffs and their escalations");
            await Scenario.ReadAsync(await peerWorker.PostAsJsonAsync($"/api/handoffs/{accepted[0]}/contact", new { modality = Modalities.Phone }), HttpStatusCode.OK);
            var contacted = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync("/api/insights/summary"), HttpStatusCode.OK),
                s => IsDisclosed(2, s["stuckHandoffs"]!), "insights to see the first contact");

            Disclosed(3, stuck["stuckHandoffs"]!);
            Disclosed(2, contacted["stuckHandoffs"]!);
        }
        finally
        {
            _network.HandoffTime.Reset();
        }
    }
}
