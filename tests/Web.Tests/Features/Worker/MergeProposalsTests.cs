using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

/// <summary>
/// A school and a clinic each refer 山田太郎 / 山田太朗, born the same day in the same town: the school's worker is never
/// shown the clinic's case (API-v3 §1), which instead gets a proposal to merge; the clinic's worker confirms it on their
/// proposals page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MergeProposalsTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_near_match_the_school_cannot_see_reaches_the_clinic_as_a_proposal_and_the_clinic_confirms_it()
    {
        var w = Texts.For(CultureInfo.GetCultureInfo("en")).Worker;
        var scenario = new Scenario(_network);
        var (town, birthDate) = (Towns.Unique(), new DateOnly(2004, 1, 1).AddDays(Random.Shared.Next(3000)).ToString("yyyy-MM-dd"));
        var school = await scenario.CreateAgencyAsync("school", "Merge High");
        var clinic = await scenario.CreateAgencyAsync("clinic", "Merge Clinic");
        var schoolCase = await ReferAsync(school, Scenario.Referral("山田", "太郎", birthDate, town));
        var clinicCase = await ReferAsync(clinic, Scenario.Referral("山田", "太朗", birthDate, town, source: "agency-worker"));

        var teacher = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(teacher, Roles.Worker, school);
        await teacher.GotoAsync($"/worker/cases/{schoolCase}");
        var duplicates = teacher.Locator("section", new() { Has = teacher.GetByRole(AriaRole.Heading, new() { Name = w.PossibleDuplicates }) });
        await Assertions.Expect(duplicates).ToBeVisibleAsync();
        await Assertions.Expect(duplicates.Locator("li")).ToHaveCountAsync(0);
        await Assertions.Expect(duplicates).Not.ToContainTextAsync(clinicCase.ToString());

        var nurse = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(nurse, Roles.Worker, clinic);
        await nurse.GotoAsync("/worker");
        await Browsing.PressAsync(nurse, nurse.GetByRole(AriaRole.Link, new() { Name = w.MergeProposals }));
        await nurse.WaitForURLAsync("**/worker/merge-proposals");
        await Assertions.Expect(nurse.Locator(".card")).ToContainTextAsync("Merge High");
        await Browsing.LookAsync(nurse, "worker-merge-proposals-en");
        await Browsing.AndThenNextPageAsync(nurse, () => Browsing.PressAsync(nurse, nurse.GetByRole(AriaRole.Button, new() { Name = w.Confirm })));
        await Assertions.Expect(nurse.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Merged);
        await Assertions.Expect(nurse.GetByText(w.NoMergeProposals)).ToBeVisibleAsync();

        // One case now: the clinic takes part in the school's.
        using var worker = await _network.ClientAsync("worker", agency: school);
        var merged = await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/cases/{schoolCase}"), HttpStatusCode.OK);
        Assert.Contains(clinic, merged["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
    }

    private async Task<Guid> ReferAsync(Guid agency, object referral)
    {
        using var worker = await _network.ClientAsync("worker", agency: agency);
        return (await Scenario.ReadAsync(await worker.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created))["caseId"]!.GetValue<Guid>();
    }
}
