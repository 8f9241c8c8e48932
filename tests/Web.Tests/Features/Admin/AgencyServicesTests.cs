using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Admin;

/// <summary>An agency administrator keeps their services in the directory; what they publish, young people find.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyServicesTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task An_administrator_adds_a_service_publishes_it_keeps_its_places_and_a_young_person_finds_it()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("en"));
        var a = t.Admin;
        var run = Guid.NewGuid().ToString("N")[..6];
        var agency = await new Scenario(_network).CreateAgencyAsync("cso", $"Admin Peers {run}");
        var page = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(page, Roles.AgencyAdmin, agency);

        await page.GotoAsync("/admin");
        await Browsing.LookAsync(page, "admin-services-empty-en");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = a.NewService }));
        await page.WaitForURLAsync("**/admin/services/new");
        await Browsing.LookAsync(page, "admin-service-new-en");
        await Browsing.TypeAsync(page, page.GetByLabel(a.Name, new() { Exact = true }), $"Evening chat {run}");
        await Browsing.TypeAsync(page, page.GetByLabel(a.Description), "Talk with peers by chat, in the evening.");
        await Browsing.PressAsync(page, page.GetByLabel(t.Needs["social-connection"]));
        await Browsing.PressAsync(page, page.GetByLabel(t.Modalities["online-chat"]));
        // One town per field, typed in any script (the register offers it as it is typed); kept as its code.
        await Browsing.TypeAsync(page, page.GetByLabel(string.Format(a.TownN, 1)), "せたがや");
        await page.GetByLabel(a.PlacesMaximum).First.FillAsync("10");
        await page.GetByLabel(a.PlacesAvailable).First.FillAsync("4");
        await Browsing.PressAsync(page, page.GetByLabel(a.Published));
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.Save, Exact = true })));
        await page.WaitForURLAsync("**/admin?done=saved");
        var card = page.Locator(".card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Evening chat {run}" }) });
        await Assertions.Expect(card).ToContainTextAsync(a.IsPublished);
        await Browsing.LookAsync(page, "admin-services-en");
        using (var admin = await _network.ClientAsync("agency-admin", agency: agency))
        {
            var services = await Scenario.ReadAsync(await admin.GetAsync($"/api/matching/services?agencyId={agency}"), System.Net.HttpStatusCode.OK);
            Assert.Equal(["131121"], services["items"]![0]!["municipalities"]!.AsArray().Select(m => m!.GetValue<string>()));
        }

        // Places change often: saved alone, from the list.
        await card.GetByLabel(a.PlacesAvailable).FillAsync("0");
        await card.GetByLabel(a.WaitWeeks).FillAsync("2");
        await Browsing.AndThenNextPageAsync(page, () => card.GetByRole(AriaRole.Button, new() { Name = a.SaveCapacity }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(a.Saved);
        await Assertions.Expect(card.GetByLabel(a.WaitWeeks)).ToHaveValueAsync("2");

        var young = await Browsing.OpenAsync(fixture, "en");
        await young.GotoAsync("/services?need=social-connection");
        await Eventually.Until(async () =>
        {
            await young.ReloadAsync();
            return await young.GetByRole(AriaRole.Heading, new() { Name = $"Evening chat {run}" }).CountAsync();
        }, count => count == 1, "the published service among those a young person may find", within: TimeSpan.FromSeconds(30));
        await Browsing.LookAsync(young, "services-en");

        // The editor in Japanese, the language staff read first.
        var japanese = await Browsing.OpenAsync(fixture, "ja");
        await Browsing.SignInAsDemoAsync(japanese, Roles.AgencyAdmin, agency);
        await japanese.GotoAsync("/admin/services/new");
        await Assertions.Expect(japanese.GetByLabel(string.Format(Texts.For(CultureInfo.GetCultureInfo("ja")).Admin.TownN, 1))).ToBeVisibleAsync();
        await Browsing.LookAsync(japanese, "admin-service-new-ja");
    }
}
