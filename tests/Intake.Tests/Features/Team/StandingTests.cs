using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.Team;

/// <summary>API-v3 §1: a name and a birth date open nobody's case; the lead or the young person decides who joins.</summary>
[Collection(NetworkCollection.Name)]
public sealed class StandingTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_agency_that_refers_a_person_who_has_a_case_is_pending_and_sees_nothing_of_it()
    {
        var world = await WorldAsync();

        var waiting = await ReferToWaitAsync(world.Clinic, world.Referral);

        Assert.Equal(["referralId", "status"], waiting.Select(p => p.Key));
        var own = await Scenario.ReadAsync(await world.Clinic.GetAsync($"/api/intake/referrals/{IdOf(waiting, "referralId")}"), HttpStatusCode.OK);
        Assert.Equal(("awaiting-admission", null), (own["status"]!.GetValue<string>(), own["caseId"]?.GetValue<Guid>()));
        foreach (var path in new[]
        {
            $"/api/intake/cases/{world.CaseId}", $"/api/intake/cases/{world.CaseId}/team", $"/api/intake/referrals/{world.SchoolReferralId}",
            $"/api/consent/persons/{world.PersonId}/consents", $"/api/matching/referrals/{world.SchoolReferralId}/matches",
            $"/api/handoffs/{world.HandoffId}",
        })
        {
            await Scenario.ReadProblemAsync(await world.Clinic.GetAsync(path), HttpStatusCode.NotFound);
        }
        await Scenario.ReadProblemAsync(await world.Clinic.PostAsJsonAsync("/api/handoffs",
            new { referralId = world.SchoolReferralId, toServiceId = world.Service }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(world.CaseId.ToString(), (await Scenario.ReadAsync(await world.Clinic.GetAsync("/api/intake/cases?participating=true"),
            HttpStatusCode.OK)).ToJsonString());
        Assert.DoesNotContain(world.CaseId.ToString(), (await Scenario.ReadAsync(await world.Clinic.GetAsync("/api/handoffs?direction=incoming"),
            HttpStatusCode.OK)).ToJsonString());

        // The lead is asked, with the case's reference; the team shows the agency as pending.
        var task = Assert.Single((await Scenario.ReadAsync(await world.School.GetAsync("/api/intake/tasks"), HttpStatusCode.OK))["items"]!.AsArray(),
            t => IdOf(t!.AsObject(), "caseId") == world.CaseId)!;
        Assert.Equal(("admit-member", world.ClinicAgency), (task["kind"]!.GetValue<string>(), IdOf(task.AsObject(), "agencyId")));
        Assert.Matches("^RN-[0-9A-HJKMNP-TV-Z]{8}$", task["caseReference"]!.GetValue<string>());
        Assert.Equal([("lead", world.SchoolAgency), ("pending", world.ClinicAgency)], await StandingsAsync(world.School, world.CaseId));
        Assert.Equal("admission-requested", KindsOf(await ViewAsync(world.School, world.CaseId))[^1]);
    }

    [Fact]
    public async Task Admitted_by_the_lead_the_agency_reads_what_the_young_persons_consent_allows_and_declined_it_reads_nothing()
    {
        var admitted = await WorldAsync();
        var declined = await WorldAsync();
        var toAdmit = IdOf(await ReferToWaitAsync(admitted.Clinic, admitted.Referral), "referralId");
        var toDecline = IdOf(await ReferToWaitAsync(declined.Clinic, declined.Referral), "referralId");

        await Scenario.ReadProblemAsync(await admitted.Clinic.PostAsync($"/api/intake/cases/{admitted.CaseId}/team/{admitted.ClinicAgency}/admit", null),
            HttpStatusCode.NotFound);
        var admission = await Scenario.ReadAsync(await admitted.School.PostAsync(
            $"/api/intake/cases/{admitted.CaseId}/team/{admitted.ClinicAgency}/admit", null), HttpStatusCode.OK);
        var refusal = await Scenario.ReadAsync(await declined.School.PostAsync(
            $"/api/intake/cases/{declined.CaseId}/team/{declined.ClinicAgency}/decline", null), HttpStatusCode.OK);
        await Scenario.ReadProblemAsync(await declined.School.PostAsync(
            $"/api/intake/cases/{declined.CaseId}/team/{declined.ClinicAgency}/admit", null), HttpStatusCode.NotFound);

        Assert.Equal("member", admission["standing"]!.GetValue<string>());
        var view = await ViewAsync(admitted.Clinic, admitted.CaseId);
        Assert.Equal("taro@example.org", view["contact"]!["email"]!.GetValue<string>()); // shared with every agency of the case
        Assert.Null(view["person"]); // identity was not shared
        Assert.Contains("member-admitted", KindsOf(view));
        Assert.Contains(("member", admitted.ClinicAgency), await StandingsAsync(admitted.School, admitted.CaseId));
        var team = await Scenario.ReadAsync(await admitted.Clinic.GetAsync($"/api/intake/cases/{admitted.CaseId}/team"), HttpStatusCode.OK);
        Assert.Equal("admitted", team["members"]!.AsArray().Single(m => IdOf(m!.AsObject(), "agencyId") == admitted.ClinicAgency)!["joinedBy"]!.GetValue<string>());
        Assert.Equal(admitted.CaseId, IdOf(await Scenario.ReadAsync(await admitted.Clinic.GetAsync($"/api/intake/referrals/{toAdmit}"), HttpStatusCode.OK), "caseId"));

        Assert.Equal("not-admitted", refusal["status"]!.GetValue<string>());
        var told = await Scenario.ReadAsync(await declined.Clinic.GetAsync($"/api/intake/referrals/{toDecline}"), HttpStatusCode.OK);
        Assert.Equal(("not-admitted", null), (told["status"]!.GetValue<string>(), told["caseId"]?.GetValue<Guid>()));
        await Scenario.ReadProblemAsync(await declined.Clinic.GetAsync($"/api/intake/cases/{declined.CaseId}"), HttpStatusCode.NotFound);
        Assert.Equal([("lead", declined.SchoolAgency)], await StandingsAsync(declined.School, declined.CaseId));
    }

    [Fact]
    public async Task The_young_person_admits_an_agency_and_removes_it_and_its_standing_ends_in_every_service()
    {
        var world = await WorldAsync();
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, world.YouthAccessCode);
        using var _ = youth;
        await ReferToWaitAsync(world.Clinic, world.Referral);

        var mine = await Scenario.ReadAsync(await youth.GetAsync("/api/intake/me/cases"), HttpStatusCode.OK);
        var asked = mine["items"]!.AsArray().Single()!["team"]!["members"]!.AsArray().Select(m => m!["standing"]!.GetValue<string>());
        await Scenario.ReadAsync(await youth.PostAsync($"/api/intake/cases/{world.CaseId}/team/{world.ClinicAgency}/admit", null), HttpStatusCode.OK);
        await Eventually.Until(async () => (await world.Clinic.GetAsync($"/api/consent/persons/{world.PersonId}/consents")).StatusCode,
            s => s == HttpStatusCode.OK, "the consent service to know the clinic takes part");
        var leadRemoval = await youth.DeleteAsync($"/api/intake/cases/{world.CaseId}/team/{world.SchoolAgency}");
        var removal = await youth.DeleteAsync($"/api/intake/cases/{world.CaseId}/team/{world.ClinicAgency}");

        Assert.Equal(["lead", "pending"], asked);
        await Scenario.ReadProblemAsync(leadRemoval, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        await Scenario.ReadProblemAsync(await world.Clinic.GetAsync($"/api/intake/cases/{world.CaseId}"), HttpStatusCode.NotFound);
        await Eventually.Until(async () => (await world.Clinic.GetAsync($"/api/consent/persons/{world.PersonId}/consents")).StatusCode,
            s => s == HttpStatusCode.NotFound, "the consent service to end the clinic's standing", TimeSpan.FromSeconds(5));
        Assert.Equal([("lead", world.SchoolAgency)], await StandingsAsync(world.School, world.CaseId));
        Assert.Equal("member-removed", KindsOf(await ViewAsync(world.School, world.CaseId))[^1]);
        using var stranger = await _network.ClientAsync("youth", person: Guid.NewGuid());
        await Scenario.ReadProblemAsync(await stranger.GetAsync($"/api/intake/cases/{world.CaseId}/team"), HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A school's case with a consent that shares the contact with every agency of the case and an offer to a service,
    /// and a clinic outside it that knows the young person's name and birth date.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var referrals = new Referrals(_network);
        var town = UniqueTown();
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Standing High");
        var (clinic, clinicAgency) = await referrals.WorkerOfNewAgencyAsync("clinic", "Standing Clinic");
        var scenario = new Scenario(_network);
        var service = await scenario.CreateServiceAsync(await scenario.CreateAgencyAsync("cso", "Standing Peers"), "Peer circle",
            ["social-connection"], ["in-person"], municipality: town);
        var referral = Scenario.Referral("高橋", $"立{Guid.NewGuid():N}"[..6], UniqueBirthDate(), town);
        var opened = await ReferAsync(school, referral);
        var (caseId, personId, referralId) = (IdOf(opened, "caseId"), IdOf(opened, "personId"), IdOf(opened, "referralId"));
        await Scenario.ReadAsync(await Scenario.GrantAsync(school, personId, ["contact"]), HttpStatusCode.Created);
        await scenario.WaitForMatchesAsync(school, referralId);
        var handoff = await scenario.OfferHandoffAsync(school, referralId, service);
        return new World(school, schoolAgency, clinic, clinicAgency, referral, caseId, personId, referralId, Scenario.HandoffIdOf(handoff), service,
            opened["youthAccessCode"]!.GetValue<string>());
    }

    private static async Task<List<(string Standing, Guid Agency)>> StandingsAsync(HttpClient worker, Guid caseId) =>
        [.. (await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/cases/{caseId}/team"), HttpStatusCode.OK))["members"]!.AsArray()
            .Select(m => (m!["standing"]!.GetValue<string>(), IdOf(m.AsObject(), "agencyId")))];

    private sealed record World(
        HttpClient School, Guid SchoolAgency, HttpClient Clinic, Guid ClinicAgency, object Referral, Guid CaseId, Guid PersonId,
        Guid SchoolReferralId, Guid HandoffId, Guid Service, string YouthAccessCode);
}
