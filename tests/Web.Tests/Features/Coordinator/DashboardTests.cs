using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Coordinator;

/// <summary>The coordinator's dashboard in the browser: figures without a person, and an escalation resolved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_coordinator_sees_the_networks_figures_and_resolves_a_passed_around_case()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var c = t.Coordinator;
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "巡",
            services: [.. "ABC".Select(x => new TownService("cso", $"Pass {x}", $"Peer circle {x}", ["social-connection"], ["in-person"]))]);
        await referred.MatchesAsync(_network);
        foreach (var (agency, service) in referred.Services)
        {
            using var receiver = await _network.ClientAsync("worker", agency: agency);
            var offer = await new Scenario(_network).OfferHandoffAsync(referred.Teacher, referred.ReferralId, service);
            await Scenario.ReadAsync(await receiver.PostAsJsonAsync($"/api/handoffs/{offer["handoffId"]}/decline", new { reason = DeclineReasons.NotEligible }),
                HttpStatusCode.OK);
        }

        var page = await Browsing.OpenAsync(fixture, "ja");
        await page.GotoAsync("/sign-in");
        await Browsing.AndThenNextPageAsync(page, () =>
            Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignInAsCoordinator, Exact = true })));
        await page.WaitForURLAsync("**/coordinator");
        var escalation = page.GetByRole(AriaRole.Article, new() { Name = c.EscalationReasons[EscalationReasons.PassedAround] });
        await Eventually.Until(async () =>
        {
            await page.ReloadAsync();
            return await escalation.CountAsync();
        }, count => count == 1, "the passed-around escalation on the dashboard");
        await Assertions.Expect(page.Locator("figure.chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(escalation).ToContainTextAsync("3");
        // Only figures: the young person's name is nowhere on the page.
        Assert.DoesNotContain("巡", await page.ContentAsync());
        // The escalated case's lead is named, not called 「機関」.
        await Assertions.Expect(escalation).ToContainTextAsync("Test High");
        await Browsing.LookAsync(page, "coordinator-dashboard-ja");

        // The agency to take it on is typed (the page offers names as it is), never preselected; a name of no agency
        // is refused at the field, in Japanese, with the summary above taking the focus.
        var assignTo = escalation.GetByLabel(c.AssignTo);
        await Assertions.Expect(assignTo).ToHaveValueAsync("");
        await Browsing.TypeAsync(page, assignTo, "どこにもない機関");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, escalation.GetByRole(AriaRole.Button, new() { Name = c.Assign })));
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(escalation).ToContainTextAsync(c.ChooseAnAgency);
        await Browsing.LookAsync(page, "coordinator-assign-refused-ja");
        await escalation.GetByLabel(c.AssignTo).FillAsync("");
        await Browsing.TypeAsync(page, escalation.GetByLabel(c.AssignTo), "Pass A");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, escalation.GetByRole(AriaRole.Button, new() { Name = c.Assign })));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(c.AssignedDone);
        await Assertions.Expect(escalation).ToContainTextAsync("Pass A");

        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, escalation.GetByRole(AriaRole.Button, new() { Name = c.Resolve })));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(c.ResolvedDone);
        await Assertions.Expect(escalation).ToHaveCountAsync(0);
        using var coordinator = await _network.ClientAsync("coordinator");
        var resolved = await Scenario.ReadAsync(await coordinator.GetAsync("/api/handoffs/escalations?status=resolved&limit=200"), HttpStatusCode.OK);
        Assert.Contains(resolved["items"]!.AsArray(), e => e!["caseId"]!.GetValue<Guid>() == referred.CaseId
            && e["resolution"]!.GetValue<string>() == EscalationResolutions.NextOfferSent);
        await Browsing.LookAsync(page, "coordinator-dashboard-resolved-ja");
    }
}
