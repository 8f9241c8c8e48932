using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Plan;

/// <summary>API-v3 §4: the plan is a data category of its own; the young person always sees it, agencies by consent.</summary>
[Collection(NetworkCollection.Name)]
public sealed class PlanConsentTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Without_support_plan_consent_a_member_reads_and_writes_no_plan()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Consent High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"同{Guid.NewGuid():N}"[..8])), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await ReferredPerson.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), [DataCategories.Contact, DataCategories.CaseNotes]);

        var write = await Eventually.Until(async () => await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", PlannedCase.PlanBody(school)),
            r => r.StatusCode != HttpStatusCode.NotFound, "the support service to know the case");
        var read = await teacher.GetAsync($"/api/support/cases/{caseId}/plan");

        Assert.Contains("support plan", (await Scenario.ReadProblemAsync(write, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(read, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revocation_hides_the_plan_from_the_team_within_a_second_and_the_young_person_still_sees_it()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "撤");
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, planned.YouthAccessCode);
        using var _ = youth;
        var consents = await Scenario.ReadAsync(await planned.Lead.GetAsync($"/api/consent/persons/{planned.PersonId}/consents"), HttpStatusCode.OK);
        var consentId = consents["items"]![0]!["consentId"]!.GetValue<Guid>();

        await Scenario.ReadAsync(await youth.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);
        await Eventually.Until(() => planned.Lead.GetAsync(planned.PlanPath), r => r.StatusCode == HttpStatusCode.Forbidden,
            "the plan hidden from the lead within a second of the revocation", within: TimeSpan.FromSeconds(1));

        Assert.Single((await Scenario.ReadAsync(await youth.GetAsync("/api/support/me/plans"), HttpStatusCode.OK))["items"]!.AsArray());
        await Scenario.ReadProblemAsync(await planned.MoveAsync(planned.Lead, planned.StepId(0), StepStatuses.Started), HttpStatusCode.Forbidden);
    }
}
