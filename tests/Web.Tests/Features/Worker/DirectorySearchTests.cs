using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

/// <summary>A worker looks beyond the case's candidates: the directory searched for the referral, ranked with reasons, and an offer from there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectorySearchTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_worker_searches_the_directory_for_a_referral_and_offers_to_a_service_found_there()
    {
        var w = Texts.For(CultureInfo.GetCultureInfo("en")).Worker;
        var run = Guid.NewGuid().ToString("N")[..6];
        var referred = await ReferredPerson.CreateAsync(_network,
            services: new TownService("cso", $"Quiet Room {run}", $"Quiet room {run}", ["social-connection"], ["in-person"]));
        await referred.MatchesAsync(_network);
        var page = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, referred.School);

        await page.GotoAsync($"/worker/cases/{referred.CaseId}");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = w.SearchDirectory }));
        await page.WaitForURLAsync("**/worker/search?referral=*");
        await Assertions.Expect(page.GetByText(w.SearchForReferral)).ToBeVisibleAsync();
        await Browsing.TypeAsync(page, page.GetByLabel(w.SearchFor), $"QUIET {run}");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.Search, Exact = true })));

        var found = page.Locator(".candidates li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Quiet room {run}" }) });
        await Assertions.Expect(page.Locator(".candidates > li")).ToHaveCountAsync(1);
        // Ranked for this young person: the service is in their own town, and the page says so.
        await Assertions.Expect(found.Locator(".reasons")).ToContainTextAsync(referred.Town);
        await Browsing.LookAsync(page, "worker-search-en");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, found.GetByRole(AriaRole.Button, new() { Name = w.OfferTo })));
        await page.WaitForURLAsync($"**/worker/cases/{referred.CaseId}?done=offered");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Offered);
        await Assertions.Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = w.Handoffs }) }))
            .ToContainTextAsync($"Quiet room {run}");
    }

    [BrowserFact]
    public async Task A_search_without_a_referral_finds_services_by_their_words_in_Japanese_and_says_when_there_are_none()
    {
        var w = Texts.For(CultureInfo.GetCultureInfo("ja")).Worker;
        var run = Guid.NewGuid().ToString("N")[..6];
        var scenario = new Scenario(_network);
        var agency = await scenario.CreateAgencyAsync("cso", $"居場所 {run}");
        await scenario.CreateServiceAsync(agency, $"ひきこもり相談 {run}", ["social-connection"], ["online-chat"], description: "オンラインで話せる居場所です。");
        var page = await Browsing.OpenAsync(fixture, "ja");
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, agency);

        await page.GotoAsync("/worker/search");
        await Browsing.TypeAsync(page, page.GetByLabel(w.SearchFor), $"ひきこもり オンライン {run}");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.Search, Exact = true })));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"ひきこもり相談 {run}" })).ToBeVisibleAsync();
        // No offer without a referral to offer.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = w.OfferTo })).ToHaveCountAsync(0);
        await Browsing.LookAsync(page, "worker-search-ja");

        await page.GotoAsync($"/worker/search?q={Uri.EscapeDataString($"見つからない言葉 {run}")}");
        await Assertions.Expect(page.GetByText(w.NoServicesFound)).ToBeVisibleAsync();
    }
}
