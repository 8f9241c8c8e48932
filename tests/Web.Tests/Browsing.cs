using System.Globalization;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests;

/// <summary>What every browser test does: a page in a language at a size, looking at each page (screenshots at phone and
/// desktop size, and axe), and moving by the keyboard alone.</summary>
public static class Browsing
{
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Every rule of axe on the whole page, in the page itself (our pages have no frames), asking for violations only:
    /// the wrapper's frame-by-frame run finishes in a blank page of its own each time, which was most of its 0.65 s.
    /// </summary>
    internal static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource);
        }
        var json = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })))
            """);
        return System.Text.Json.JsonSerializer.Deserialize<List<AxeViolation>>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    internal sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    /// <summary>A fresh browser profile (no cookies) in <paramref name="language"/>, at phone size, at the network's web app (or <paramref name="web"/>).</summary>
    public static async Task<IPage> OpenAsync(BrowserFixture fixture, string language, Uri? web = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (web ?? fixture.Network.Web).ToString(),
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = Phone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        PagesOfTheTest.Opened(page);
        return page;
    }

    /// <summary>
    /// Looks at the page as the suite always does: axe, with no serious or critical violation. With
    /// <c>REFERRALNET_SCREENSHOTS=1</c> it also keeps the pictures a reviewer looks at, at phone and desktop size (under
    /// TestResults/screenshots of the checkout); a failed test keeps its pages' pictures whatever the setting.
    /// </summary>
    public static async Task LookAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("REFERRALNET_SCREENSHOTS") == "1")
        {
            foreach (var (size, label) in new[] { (Desktop, "desktop"), (Phone, "phone") })
            {
                await page.SetViewportSizeAsync(size.Width, size.Height);
                await SaveScreenshotAsync(page, $"{name}-{label}.png");
            }
        }
        var serious = (await ViolationsAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: {string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}"))}");
    }

    /// <summary>A full-page picture of the page as it is now, under TestResults/screenshots.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Laid out and painted at its size before the picture (once a desktop picture lacked its lower half).
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    /// <summary>Moves the focus with Tab (and only Tab) until <paramref name="target"/> has it: the element is reachable by keyboard.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int most = 80)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string>("() => (document.activeElement?.outerHTML || '').slice(0, 200)");
        Assert.Fail($"{target} was not reached with Tab in {most} presses; the focus is on {focused}.");
    }

    /// <summary>Tabs to a field and types into it.</summary>
    public static async Task TypeAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// Presses a button, link or check box from the keyboard (Tab to it, then Enter, or Space for a check box). A radio
    /// button is chosen as a keyboard user chooses it: Tab into its group (which stops on the chosen one, or the first), then
    /// arrows, or Space where nothing was chosen.
    /// </summary>
    public static async Task PressAsync(IPage page, ILocator control)
    {
        var type = await control.EvaluateAsync<string>("e => e.type || e.tagName");
        if (type == "radio")
        {
            var group = await control.EvaluateAsync<string>("e => e.name");
            var chosen = page.Locator($"input[type=radio][name='{group}']:checked");
            await TabToAsync(page, await chosen.CountAsync() > 0 ? chosen : page.Locator($"input[type=radio][name='{group}']").First);
            for (var i = 0; i < 20 && !await control.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            if (!await control.IsCheckedAsync())
            {
                // A group with nothing chosen yet: Tab stops on its first button without choosing it; Space does.
                await page.Keyboard.PressAsync("Space");
            }
            Assert.True(await control.IsCheckedAsync(), $"{control} was not chosen with the arrow keys.");
            return;
        }
        await TabToAsync(page, control);
        await page.Keyboard.PressAsync(type is "checkbox" ? "Space" : "Enter");
    }

    /// <summary>
    /// Signs the page's browser in as a demo user of an agency (the development sign-in's own form, posted with the
    /// page's antiforgery token): the set-up of a test about something else. The sign-in page itself is tested by the
    /// handoff test.
    /// </summary>
    public static async Task SignInAsDemoAsync(IPage page, string role, Guid agency)
    {
        await page.GotoAsync("/sign-in");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync("/sign-in/demo", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("Role", role).Set("Agency", agency.ToString()).Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
    }

    /// <summary>A young person's browser signed in with their sign-in name and passphrase, on their page.</summary>
    public static async Task<IPage> SignInAsYouthAsync(BrowserFixture fixture, string language, string signInName, string passphrase)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var page = await OpenAsync(fixture, language);
        await page.GotoAsync("/youth");
        await page.WaitForURLAsync("**/youth/sign-in?returnUrl=*");
        await TypeAsync(page, page.GetByLabel(t.SignInName), signInName);
        await TypeAsync(page, page.GetByLabel(t.Passphrase), passphrase);
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.SignIn, Exact = true }));
        await page.WaitForURLAsync("**/youth");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.YourPage, Exact = true })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Gives the page's browser a phone's passkey store (Chromium's virtual authenticator, through the DevTools
    /// protocol): it keeps passkeys, and unlocks them as a fingerprint would, at once.
    /// </summary>
    public static async Task AddPasskeyAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }

    /// <summary>Does <paramref name="action"/> (a form sent) and waits until the page it leads to has loaded, whatever its address.</summary>
    public static async Task AndThenNextPageAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.referralNetPageBefore = true; }");
        await action();
        await page.WaitForFunctionAsync("() => !window.referralNetPageBefore && document.readyState === 'complete'");
    }
}
