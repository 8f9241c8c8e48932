using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

[Collection(NetworkCollection.Name)]
public sealed class WalkingSkeletonTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_referral_travels_from_intake_through_matching_and_a_warm_handoff_to_consent_and_insights()
    {
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Setagaya Junior High");
        var cso = await scenario.CreateAgencyAsync("cso", "Hikari Peer Support");
        var peerSupport = await scenario.CreateServiceAsync(cso, "Online peer support", ["social-connection", "mental-health"], ["online-chat", "video"]);
        await scenario.CreateServiceAsync(cso, "Job coaching", ["employment"], ["in-person"]);

        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = await Scenario.ReadAsync(
            await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: $"太郎{Guid.NewGuid():N}"[..8])),
            HttpStatusCode.Created);
        var referralId = referral["referralId"]!.GetValue<Guid>();
        var personId = referral["personId"]!.GetValue<Guid>();
        Assert.False(referral["existingCase"]!.GetValue<bool>());

        var matches = await scenario.WaitForMatchesAsync(teacher, referralId);
        var candidates = matches["candidates"]!.AsArray();
        Assert.Equal(peerSupport, candidates[0]!["serviceId"]!.GetValue<Guid>());
        Assert.DoesNotContain(candidates, c => c!["serviceName"]!.GetValue<string>() == "Job coaching");
        Assert.Contains("covers mental-health", candidates[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));

        var offer = await scenario.OfferHandoffAsync(teacher, referralId, peerSupport);
        Assert.Equal("offered", offer["status"]!.GetValue<string>());
        var handoffId = offer["handoffId"]!.GetValue<Guid>();

        using var peerWorker = await _network.ClientAsync("worker", agency: cso);
        var accepted = await Scenario.ReadAsync(await peerWorker.PostAsync($"/api/handoffs/{handoffId}/accept", null), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());

        var consent = await Scenario.ReadAsync(
            await Scenario.GrantAsync(teacher, personId, ["contact", "needs-summary"]), HttpStatusCode.Created);
        Assert.Equal("active", consent["status"]!.GetValue<string>());

        using var coordinator = await _network.ClientAsync("coordinator");
        // Figures are read for whole periods that have ended: insights' clock moves past this month.
        var now = DateTime.UtcNow;
        var month = $"{now:yyyy-MM}";
        _network.InsightsTime.Advance(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(1) - now);
        try
        {
            var summary = await Eventually.Until(
                async () => await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/summary?period={month}"), HttpStatusCode.OK),
                s => new[] { "referralsOpened", "matchesProposed", "offers", "accepted", "consentsGranted" }
                    .All(metric => s[metric]!["count"]?.GetValue<long>() != 0),
                "insights to count the referral, its matches, the offer, the acceptance and the consent");
            Assert.Equal(month, summary["period"]!.GetValue<string>());
        }
        finally
        {
            _network.InsightsTime.Reset();
        }
    }

    [Fact]
    public async Task Second_referral_for_same_person_from_another_agency_joins_the_open_case_once_the_lead_admits_it()
    {
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Kitazawa High");
        var clinic = await scenario.CreateAgencyAsync("clinic", "Shimokita Clinic");
        var givenName = $"花子{Guid.NewGuid():N}"[..10];

        using var teacher = await _network.ClientAsync("worker", agency: school);
        using var doctor = await _network.ClientAsync("worker", agency: clinic);
        var first = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: givenName)), HttpStatusCode.Created);
        // The clinic types the same name in full-width letters with a space: the same person.
        var second = await Scenario.ReadAsync(await doctor.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(familyName: "山田 ", givenName: givenName.Normalize(System.Text.NormalizationForm.FormKC))), HttpStatusCode.Accepted);
        var caseId = first["caseId"]!.GetValue<Guid>();
        await Scenario.ReadProblemAsync(await doctor.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.NotFound);

        await Scenario.ReadAsync(await teacher.PostAsync($"/api/intake/cases/{caseId}/team/{clinic}/admit", null), HttpStatusCode.OK);
        var landed = await Scenario.ReadAsync(await doctor.GetAsync($"/api/intake/referrals/{second["referralId"]}"), HttpStatusCode.OK);
        Assert.Equal(caseId, landed["caseId"]!.GetValue<Guid>());
        Assert.Equal(first["personId"]!.GetValue<Guid>(), (await Scenario.ReadAsync(await doctor.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.OK))["personId"]!.GetValue<Guid>());
    }
}
