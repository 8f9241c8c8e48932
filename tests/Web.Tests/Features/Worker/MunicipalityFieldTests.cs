using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

/// <summary>A town chosen, not typed free-hand: the register's places offered while typing, and refusals in the reader's words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MunicipalityFieldTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_town_typed_in_kana_is_offered_from_the_register_and_a_shared_name_is_refused_in_japanese_with_its_places()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var w = t.Worker;
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Town High");
        var page = await Browsing.OpenAsync(fixture, "ja");
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, school);
        await page.GotoAsync("/worker/referrals/new");
        var town = page.GetByLabel(w.Municipality);

        await Browsing.TypeAsync(page, town, "せたがや");
        await Assertions.Expect(page.Locator("#municipality-places option[value='東京都 世田谷区']")).ToHaveCountAsync(1);

        await town.FillAsync("");
        await Browsing.TypeAsync(page, page.GetByLabel(w.FamilyName, new() { Exact = true }), "北村");
        await Browsing.TypeAsync(page, page.GetByLabel(w.GivenName, new() { Exact = true }), $"町{Guid.NewGuid():N}"[..6]);
        await page.GetByLabel(t.BirthDate).FillAsync("2008-06-07");
        await Browsing.TypeAsync(page, town, "北区");
        await Browsing.PressAsync(page, page.GetByLabel(t.Needs["social-connection"]));
        await Browsing.TypeAsync(page, page.GetByLabel(w.Summary), "夕方なら話せます。");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.SendReferral })));

        await Assertions.Expect(page.Locator("#municipality-errors li").First).ToHaveTextAsync(t.ErrorWords[ErrorCodes.AmbiguousMunicipality]);
        await Assertions.Expect(page.Locator("#municipality-errors li").Nth(1)).ToContainTextAsync("大阪府 大阪市北区");
        await Assertions.Expect(page.Locator("#municipality-places option")).ToHaveCountAsync(12);
        Assert.DoesNotContain("municipalit", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Browsing.LookAsync(page, "referral-town-shared");

        // Chosen from the places offered (as the list fills the field), the referral goes.
        await town.FillAsync("東京都 北区");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.SendReferral })));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = w.Referred })).ToBeVisibleAsync();
    }
}
