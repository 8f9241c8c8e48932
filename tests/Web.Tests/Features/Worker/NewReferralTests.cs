using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Session;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

[Collection(BrowserCollection.Name)]
public sealed class NewReferralTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task What_a_worker_typed_survives_a_session_that_ended_and_is_there_again_after_signing_in()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("en"));
        var w = t.Worker;
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Draft High");
        var page = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, school);
        await page.GotoAsync("/worker/referrals/new");
        await Browsing.TypeAsync(page, page.GetByLabel(w.FamilyName, new() { Exact = true }), "佐藤");
        await Browsing.TypeAsync(page, page.GetByLabel(w.GivenName, new() { Exact = true }), "花子");
        await page.GetByLabel(t.BirthDate).FillAsync("2009-02-03");
        await Browsing.TypeAsync(page, page.GetByLabel(w.Municipality), "Setagaya");
        await Browsing.PressAsync(page, page.GetByLabel(t.Needs["social-connection"]));
        await Browsing.TypeAsync(page, page.GetByLabel(w.Summary), "Talks only in the evening.");

        // The session ends while the form is open (hours away from the desk): its cookie is gone when the form is sent.
        await page.Context.ClearCookiesAsync(new() { Name = Sessions.CookieName });
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.SendReferral })));
        Assert.Contains("/sign-in?returnUrl=", page.Url);

        await Browsing.SignInAsDemoAsync(page, Roles.Worker, school);
        await page.GotoAsync("/worker/referrals/new");
        await Assertions.Expect(page.GetByLabel(w.FamilyName, new() { Exact = true })).ToHaveValueAsync("佐藤");
        await Assertions.Expect(page.GetByLabel(t.BirthDate)).ToHaveValueAsync("2009-02-03");
        await Assertions.Expect(page.GetByLabel(t.Needs["social-connection"])).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel(w.Summary)).ToHaveValueAsync("Talks only in the evening.");
    }

    [BrowserFact]
    public async Task A_draft_is_not_shown_to_the_next_worker_of_the_tab_and_signing_out_forgets_it()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("en"));
        var w = t.Worker;
        var (first, second) = (await new Scenario(_network).CreateAgencyAsync("school", "Draft One"), await new Scenario(_network).CreateAgencyAsync("clinic", "Draft Two"));
        var page = await Browsing.OpenAsync(fixture, "en");
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, first);
        await page.GotoAsync("/worker/referrals/new");
        await Browsing.TypeAsync(page, page.GetByLabel(w.FamilyName, new() { Exact = true }), "鈴木");

        // Another worker signs in in the same tab (the first one's session simply replaced): nothing of the draft.
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, second);
        await page.GotoAsync("/worker/referrals/new");
        await Assertions.Expect(page.GetByLabel(w.FamilyName, new() { Exact = true })).ToHaveValueAsync("");

        // The first worker comes back, and signs out: the draft is forgotten for them too.
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, first);
        await page.GotoAsync("/worker/referrals/new");
        await Assertions.Expect(page.GetByLabel(w.FamilyName, new() { Exact = true })).ToHaveValueAsync("鈴木");
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignOut, Exact = true })));
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, first);
        await page.GotoAsync("/worker/referrals/new");
        await Assertions.Expect(page.GetByLabel(w.FamilyName, new() { Exact = true })).ToHaveValueAsync("");
    }
}
