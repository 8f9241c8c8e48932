using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Youth;

/// <summary>
/// The young person's own pages, in the browser, by the keyboard alone: the code a worker gave them, a sign-in name and
/// passphrase, who helps them, choosing what to share, the receipt, stopping, and who looked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class YouthJourneyTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task A_young_person_enrols_with_their_code_shares_sees_who_helps_stops_sharing_and_sees_who_looked(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var referred = await ReferredPerson.CreateAsync(_network);
        var page = await Browsing.OpenAsync(fixture, language);

        await page.GotoAsync("/");
        await Browsing.LookAsync(page, $"home-{language}");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.HaveACode }));
        await page.WaitForURLAsync("**/youth/code");
        await Browsing.LookAsync(page, $"youth-code-{language}");
        await EnterCodeAsync(page, t, referred.YouthAccessCode!);

        await Browsing.LookAsync(page, $"youth-enrol-{language}");
        var signInName = $"y-{Guid.NewGuid():N}"[..20];
        await Browsing.TypeAsync(page, page.GetByLabel(t.SignInName), signInName);
        await Browsing.TypeAsync(page, page.GetByLabel(t.Passphrase), YouthSignIn.Passphrase);
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.Save }));
        await page.WaitForURLAsync("**/youth");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();
        // The school that referred them takes part in their case.
        await Assertions.Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = t.WhoHelpsYou }) }))
            .ToContainTextAsync("Test High");
        // Each agency's part in plain words: the school waits to hear from them.
        await Assertions.Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = t.WhoHelpsYou }) }))
            .ToContainTextAsync(t.WaitingToHearFromYou);
        await Browsing.LookAsync(page, $"youth-page-{language}");

        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.ChooseWhatToShare }));
        await page.WaitForURLAsync("**/youth/share");
        await Browsing.LookAsync(page, $"youth-share-{language}");
        await Browsing.PressAsync(page, page.GetByLabel(t.CategoriesPlain[DataCategories.Contact]));
        await Browsing.PressAsync(page, page.GetByLabel(t.Purposes[ConsentPurposes.Coordination]));
        // The narrowest choice comes first and is chosen: only the agencies the young person ticks.
        await Assertions.Expect(page.GetByLabel(t.OnlyTheseAgencies)).ToBeCheckedAsync();
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "Test High" }));
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.ShareThis }));
        await page.WaitForURLAsync("**/youth?done=shared");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Shared);
        await Browsing.LookAsync(page, $"youth-page-shared-{language}");
        var caseView = $"/api/intake/cases/{referred.CaseId}";
        await Eventually.Until(() => ContactAsync(referred, caseView), contact => contact, "the school to see the contact it may now see");
        // The school's worker, on the shared case: the contact the young person shares, the rest not.
        var teacher = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(teacher, Roles.Worker, referred.School);
        await teacher.GotoAsync($"/worker/cases/{referred.CaseId}");
        var contactCell = teacher.Locator("dd.contact");
        await Assertions.Expect(contactCell).ToHaveTextAsync("taro@example.org");
        await Assertions.Expect(teacher.Locator("dl.summary").First).ToContainTextAsync(t.Worker.NotShared);

        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.SeeReceipt }));
        await page.WaitForURLAsync("**/youth/receipts/*");
        // Shared with the school alone, by its name.
        await Assertions.Expect(page.Locator("dl.receipt")).ToContainTextAsync("Test High");
        await Browsing.LookAsync(page, $"youth-receipt-{language}");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.Back }));

        await page.WaitForURLAsync("**/youth");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.StopSharing }));
        var stopped = Stopwatch.StartNew();
        await page.WaitForURLAsync("**/youth?done=stopped");
        await Eventually.Until(async () =>
        {
            await teacher.ReloadAsync();
            return await contactCell.TextContentAsync();
        }, text => text == t.Worker.NotShared, "the school's case page to say the contact is not shared", within: TimeSpan.FromSeconds(1));
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(1.5), $"the contact was hidden {stopped.ElapsedMilliseconds} ms after stopping");
        Assert.False(await ContactAsync(referred, caseView));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Stopped);
        await Assertions.Expect(page.GetByText(t.NothingShared)).ToBeVisibleAsync();

        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.WhoLooked }).Last);
        await page.WaitForURLAsync("**/youth/access-log");
        await Assertions.Expect(page.Locator("ol.log")).ToContainTextAsync(t.AccessLogKinds[AccessLogKinds.CredentialSet]);
        await Assertions.Expect(page.Locator("ol.log")).ToContainTextAsync("Test High");
        await Browsing.LookAsync(page, $"youth-access-log-{language}");
    }

    [BrowserFact]
    public async Task A_young_person_comes_back_with_their_sign_in_name_and_a_wrong_passphrase_is_told_plainly()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var referred = await ReferredPerson.CreateAsync(_network);
        var (_, signInName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        var page = await Browsing.OpenAsync(fixture, "ja");

        await page.GotoAsync("/youth");
        await page.WaitForURLAsync("**/youth/sign-in?returnUrl=*");
        await Browsing.LookAsync(page, "youth-sign-in-ja");
        await Browsing.TypeAsync(page, page.GetByLabel(t.SignInName), signInName);
        await Browsing.TypeAsync(page, page.GetByLabel(t.Passphrase), "not the passphrase at all");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignIn, Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(t.SignInDoesNotMatch);

        await page.GetByLabel(t.Passphrase).FillAsync(YouthSignIn.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = t.SignIn, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/youth");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_young_person_makes_a_passkey_on_their_phone_and_comes_back_with_it_with_nothing_to_type()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var referred = await ReferredPerson.CreateAsync(_network);
        var page = await Browsing.OpenAsync(fixture, "ja");
        await Browsing.AddPasskeyAuthenticatorAsync(page);

        await page.GotoAsync("/youth/code");
        await EnterCodeAsync(page, t, referred.YouthAccessCode!);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.OrNameAndPassphrase })).ToBeVisibleAsync();
        await Browsing.LookAsync(page, "youth-enrol-passkey-ja");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.UsePasskey }));
        await page.WaitForURLAsync("**/youth");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();

        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignOut, Exact = true }));
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/youth");
        await page.WaitForURLAsync("**/youth/sign-in?returnUrl=*");
        await Browsing.LookAsync(page, "youth-sign-in-passkey-ja");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignInWithPasskey }));
        await page.WaitForURLAsync("**/youth");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();

        // Their record says how: the passkey was set, and used to sign in.
        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        var log = (await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log?limit=200"), HttpStatusCode.OK))["items"]!
            .AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), Category: e["category"]!.GetValue<string>(), Decision: e["decision"]!.GetValue<string>())).ToList();
        Assert.Contains((AccessLogKinds.CredentialSet, ConsentRecords.Passkey, AccessDecisions.Permit), log);
        Assert.Contains((AccessLogKinds.SignedIn, ConsentRecords.Passkey, AccessDecisions.Permit), log);
    }

    /// <summary>The code reaches the consent service as an event, in milliseconds: until then the page says it does not work.</summary>
    [BrowserFact]
    public async Task A_young_person_who_leaves_enrolment_half_way_comes_back_with_the_same_code_on_another_device()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var referred = await ReferredPerson.CreateAsync(_network);
        var phone = await Browsing.OpenAsync(fixture, "ja");
        await phone.GotoAsync("/youth/code");
        await EnterCodeAsync(phone, t, referred.YouthAccessCode!);

        // Wandering off to their page on the way takes them back to choosing how to sign in, not to "page not found".
        await phone.GotoAsync("/youth");
        await phone.WaitForURLAsync("**/youth/enrol");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = t.ChooseSignIn })).ToBeVisibleAsync();

        // Days later, on another device: the same code still opens the enrolment, which they finish there.
        var laptop = await Browsing.OpenAsync(fixture, "ja");
        await laptop.GotoAsync("/youth/code");
        await EnterCodeAsync(laptop, t, referred.YouthAccessCode!);
        await Browsing.TypeAsync(laptop, laptop.GetByLabel(t.SignInName), $"b-{Guid.NewGuid():N}"[..20]);
        await Browsing.TypeAsync(laptop, laptop.GetByLabel(t.Passphrase), YouthSignIn.Passphrase);
        await Browsing.AndThenNextPageAsync(laptop, () => Browsing.PressAsync(laptop, laptop.GetByRole(AriaRole.Button, new() { Name = t.Save })));
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();
        await Browsing.LookAsync(laptop, "youth-page-after-resumed-enrolment-ja");
    }

    private static async Task EnterCodeAsync(IPage page, Texts t, string code)
    {
        var field = page.GetByLabel(t.Code);
        await Eventually.Until(async () =>
        {
            await field.FillAsync("");
            await Browsing.TypeAsync(page, field, code);
            // The answer is the code page again (with why) or the enrolment.
            await Browsing.AndThenNextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
            return page.Url;
        }, url => url.EndsWith("/youth/enrol", StringComparison.Ordinal), "the code to be exchanged");
    }

    /// <summary>Whether the school's worker sees the young person's contact on the shared case.</summary>
    private static async Task<bool> ContactAsync(ReferredPerson referred, string caseView) =>
        (await Scenario.ReadAsync(await referred.Teacher.GetAsync(caseView), HttpStatusCode.OK))["contact"] is not null;
}
