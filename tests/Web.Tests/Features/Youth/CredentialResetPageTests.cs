using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Youth;

/// <summary>
/// A reset of the young person's sign-in that waits (API-v3 §2), in the browser by the keyboard alone: whoever used the
/// reset code sees a page they can only look at, and the young person sees who asked and cancels it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CredentialResetPageTests(BrowserFixture fixture)
{
    private const string NewPassphrase = "another long sentence from the worker";
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_holder_of_a_waiting_credential_can_only_look_and_the_young_person_cancels_it(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var (signInName, _) = await ResetByTheSchoolAsync();

        var waiting = await Browsing.SignInAsYouthAsync(fixture, language, signInName, YouthSignIn.Passphrase);
        var notice = waiting.Locator("section", new() { Has = waiting.GetByRole(AriaRole.Heading, new() { Name = t.ResetWaiting }) });
        await Assertions.Expect(notice).ToContainTextAsync("Test High");
        await Browsing.LookAsync(waiting, $"youth-reset-waiting-{language}");
        await Browsing.PressAsync(waiting, waiting.GetByRole(AriaRole.Button, new() { Name = t.CancelReset }));
        await waiting.WaitForURLAsync("**/youth?done=reset-cancelled");
        await Assertions.Expect(waiting.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.ResetCancelled);
        await Assertions.Expect(waiting.GetByRole(AriaRole.Heading, new() { Name = t.ResetWaiting })).ToHaveCountAsync(0);
        await Browsing.LookAsync(waiting, $"youth-reset-cancelled-{language}");
    }

    [BrowserFact]
    public async Task A_page_signed_in_with_a_waiting_credential_offers_no_sharing()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var (_, workersName) = await ResetByTheSchoolAsync();

        var page = await Browsing.SignInAsYouthAsync(fixture, "ja", workersName, NewPassphrase);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = t.ChooseWhatToShare })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = t.CancelReset })).ToHaveCountAsync(0);
        await Browsing.LookAsync(page, "youth-limited-ja");
        await page.GotoAsync("/youth/share");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/youth");
    }

    /// <summary>
    /// A young person with their own sign-in name, and the school's worker who issued a reset code and chose a credential
    /// with it (which waits): both names.
    /// </summary>
    private async Task<(string YoungPersons, string Workers)> ResetByTheSchoolAsync()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, signInName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        youth.Dispose();
        var reset = (await Scenario.ReadAsync(await referred.Teacher.PostAsync(
            $"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created))["youthAccessCode"]!.GetValue<string>();
        var workersName = $"w-{Guid.NewGuid():N}"[..20];
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, reset));
        await Scenario.ReadAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = workersName, passphrase = NewPassphrase }), HttpStatusCode.Created);
        return (signInName, workersName);
    }
}
