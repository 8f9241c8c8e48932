using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Plans;

/// <summary>
/// The support plan (API-v3 §4) in the browser, by the keyboard: the lead adds a goal to the plan and moves a step back
/// on the case page; the young person sees the change on a phone, and says the plan is okay.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanPagesTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_lead_adds_a_goal_and_moves_a_step_back_and_the_young_person_sees_it_on_a_phone(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Plan High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"歩{Guid.NewGuid():N}"[..8], birthDate: "2008-07-07")), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await ReferredPerson.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), [DataCategories.SupportPlan]);
        var plan = await Scenario.ReadAsync(await Eventually.Until(async () => await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", new
        {
            goals = new[] { new { text = "朝、決まった時間に起きる" } },
            steps = new[] { new { kind = "online-contact", title = "オンラインで話す", ownerAgencyId = school, due = "2027-01-15" } },
        }), r => r.StatusCode == HttpStatusCode.Created, "the first plan"), HttpStatusCode.Created);
        var stepId = plan["steps"]![0]!["id"]!.GetValue<Guid>();
        await Scenario.ReadAsync(await teacher.PostAsJsonAsync($"/api/support/cases/{caseId}/plan/steps/{stepId}/moves", new { to = "started" }), HttpStatusCode.OK);
        var (youthClient, signInName) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        youthClient.Dispose();

        var lead = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(lead, Roles.Worker, school);
        await lead.GotoAsync($"/worker/cases/{caseId}");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Link, new() { Name = t.Plan.EditPlan }));
        await lead.WaitForURLAsync($"**/worker/cases/{caseId}/plan");
        await Browsing.LookAsync(lead, $"worker-plan-edit-{language}");
        await Browsing.TypeAsync(lead, lead.Locator("#goal-1"), "週に一度、散歩する");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = t.Plan.SavePlan }));
        await lead.WaitForURLAsync("**?done=plan-saved#plan");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Plan.PlanSaved);
        var step = lead.Locator("#plan li", new() { HasText = "オンラインで話す" });
        var move = step.Locator("select");
        await Browsing.TabToAsync(lead, move);
        await move.SelectOptionAsync(StepStatuses.SteppedBack);
        await Browsing.PressAsync(lead, step.GetByRole(AriaRole.Button, new() { Name = t.Plan.Move }));
        await lead.WaitForURLAsync("**?done=step-moved#plan");
        await Assertions.Expect(step).ToContainTextAsync(t.Plan.StepStatuses[StepStatuses.SteppedBack]);
        await Assertions.Expect(lead.Locator("#plan")).ToContainTextAsync("週に一度、散歩する");
        await Browsing.LookAsync(lead, $"worker-plan-moved-{language}");

        var youth = await Browsing.SignInAsYouthAsync(fixture, language, signInName, YouthSignIn.Passphrase);
        var yours = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = t.Plan.YourPlan }) });
        await Assertions.Expect(yours).ToContainTextAsync("週に一度、散歩する");
        await Assertions.Expect(yours.Locator("li", new() { HasText = "オンラインで話す" })).ToContainTextAsync(t.Plan.StepStatusesPlain[StepStatuses.SteppedBack]);
        await Browsing.LookAsync(youth, $"youth-plan-{language}");
        await Browsing.PressAsync(youth, yours.GetByRole(AriaRole.Button, new() { Name = t.Plan.Agree }));
        await youth.WaitForURLAsync("**/youth?done=agreed");
        await Assertions.Expect(youth.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Plan.Agreed);
        await Assertions.Expect(yours).ToContainTextAsync(t.Plan.YouAgreed);
    }
}
