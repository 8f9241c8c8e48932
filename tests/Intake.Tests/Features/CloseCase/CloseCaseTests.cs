using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.CloseCase;

[Collection(NetworkCollection.Name)]
public sealed class CloseCaseTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Only_the_lead_agency_closes_a_case_and_the_next_referral_of_the_person_opens_a_new_one()
    {
        var referrals = new Referrals(_network);
        var (clinic, clinicAgency) = await referrals.WorkerOfNewAgencyAsync("clinic", "Closing Clinic");
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Closing High");
        var referral = Scenario.Referral("渡辺", $"閉{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown(), source: "agency-worker");
        var caseId = IdOf(await ReferAsync(clinic, referral), "caseId");
        await JoinAsync(school, schoolAgency, referral, clinic, caseId); // the school takes part, the clinic leads

        var byParticipant = await school.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = "got-help" });
        var withoutReason = await clinic.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = "bored" });
        var closed = await Scenario.ReadAsync(await clinic.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = "got-help" }), HttpStatusCode.OK);
        var again = await clinic.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = "got-help" });
        var later = await ReferAsync(school, referral);

        await Scenario.ReadProblemAsync(byParticipant, HttpStatusCode.Forbidden);
        Assert.Equal(["reason"], (await Scenario.ReadProblemAsync(withoutReason, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(again, HttpStatusCode.Conflict);
        var view = await ViewAsync(clinic, caseId);
        Assert.Equal("closed", view["status"]!.GetValue<string>());
        Assert.Equal("case-closed", KindsOf(view)[^1]);
        Assert.Equal(clinicAgency, IdOf(view, "leadAgencyId"));
        Assert.False(later["existingCase"]!.GetValue<bool>());
        Assert.NotEqual(caseId, IdOf(later, "caseId"));
    }

    [Fact]
    public async Task After_closing_the_other_agencies_read_the_case_for_the_read_window_and_then_only_the_lead_does()
    {
        var referrals = new Referrals(_network);
        var (clinic, _) = await referrals.WorkerOfNewAgencyAsync("clinic", "Window Clinic");
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Window High");
        var referral = Scenario.Referral("佐藤", $"窓{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown(), source: "agency-worker");
        var caseId = IdOf(await ReferAsync(clinic, referral), "caseId");
        await JoinAsync(school, schoolAgency, referral, clinic, caseId);
        await Scenario.ReadAsync(await clinic.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = "got-help" }), HttpStatusCode.OK);
        var closedList = $"/api/intake/cases?participating=true&status=closed&limit=200";

        var withinWindow = await school.GetAsync($"/api/intake/cases/{caseId}");
        var listedWithin = (await Scenario.ReadAsync(await school.GetAsync(closedList), HttpStatusCode.OK)).ToJsonString();
        _network.IntakeTime.Advance(TimeSpan.FromDays(31)); // the default read window is 30 days
        try
        {
            var afterWindow = await school.GetAsync($"/api/intake/cases/{caseId}");
            var codeAfterWindow = await school.PostAsync($"/api/intake/cases/{caseId}/youth-access-code", null);
            var listedAfter = (await Scenario.ReadAsync(await school.GetAsync(closedList), HttpStatusCode.OK)).ToJsonString();
            var lead = await clinic.GetAsync($"/api/intake/cases/{caseId}");
            var leadList = (await Scenario.ReadAsync(await clinic.GetAsync(closedList), HttpStatusCode.OK)).ToJsonString();

            await Scenario.ReadAsync(withinWindow, HttpStatusCode.OK);
            Assert.Contains(caseId.ToString(), listedWithin);
            await Scenario.ReadProblemAsync(afterWindow, HttpStatusCode.NotFound);
            await Scenario.ReadProblemAsync(codeAfterWindow, HttpStatusCode.NotFound);
            Assert.DoesNotContain(caseId.ToString(), listedAfter);
            await Scenario.ReadAsync(lead, HttpStatusCode.OK);
            Assert.Contains(caseId.ToString(), leadList);
        }
        finally
        {
            _network.IntakeTime.Advance(TimeSpan.FromDays(-31));
        }
    }
}
