using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Ask;

/// <summary>A young person without an account asks for help, by the keyboard alone, and is told what happens next.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AskForHelpTests(BrowserFixture fixture)
{
    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task A_young_person_asks_for_help_with_only_a_way_to_reach_them_and_what_it_is_about(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var page = await Browsing.OpenAsync(fixture, language);
        await page.GotoAsync("/ask");
        await Browsing.LookAsync(page, $"ask-{language}");

        // Sent empty: what to fix is listed at the top, in the reader's words, and the list has the focus.
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.Send, Exact = true })));
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = Summarised(t.HowToReachYou, t.ErrorContact), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = Summarised(t.WhatIsItAbout, t.ErrorChooseOne), Exact = true })).ToHaveAttributeAsync("href", "#needs-0");
        Assert.DoesNotContain("needs at least", await page.InnerTextAsync("main"));
        Assert.DoesNotContain("must", await page.InnerTextAsync("main"));
        await Browsing.LookAsync(page, $"ask-refused-{language}");

        await Browsing.TypeAsync(page, page.GetByLabel(Texts.Word(t.ContactChannels, ContactChannels.Email)), $"ask-{Guid.NewGuid():N}@example.org");
        await Browsing.PressAsync(page, page.GetByLabel(Texts.Word(t.NeedsPlain, Needs.SocialConnection)));
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.Send, Exact = true })));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.AskSentTitle })).ToBeVisibleAsync();
        Assert.DoesNotContain("example.org", page.Url);
        // What happens next: the reference to quote, who, how, and by when.
        var next = page.Locator("dl.next-steps");
        await Assertions.Expect(next.Locator(".code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^RN-[0-9A-Z]{8}$"));
        await Assertions.Expect(next).ToContainTextAsync(t.TheIntakeDesk);
        await Assertions.Expect(next).ToContainTextAsync(Texts.Word(t.ContactChannelsBy, ContactChannels.Email));
        await Assertions.Expect(next).ToContainTextAsync(string.Format(t.ByDay,
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(2), Ui.Tokyo).ToString(t.DateFormat, CultureInfo.GetCultureInfo(language))));
        // Not only the police and the ambulance: lines for how they feel, to call while they wait.
        await Assertions.Expect(page.Locator("a[href='tel:0120279338']")).ToContainTextAsync(t.Helplines[0].Name);
        await Browsing.LookAsync(page, $"ask-sent-{language}");
        var reference = await next.Locator(".code").InnerTextAsync();

        // Every page says who runs the network, where its privacy notice is, and whom to write to.
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.PrivacyNotice })));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.PrivacySections[^1].Heading })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("footer a[href^='mailto:']")).ToBeVisibleAsync();
        await Browsing.LookAsync(page, $"privacy-{language}");

        // The intake desk's worker (offered by the demo sign-in) has the task to reach them, under the same reference.
        var desk = await Browsing.OpenAsync(fixture, language);
        await desk.GotoAsync("/sign-in");
        await Browsing.AndThenNextPageAsync(desk, () => Browsing.PressAsync(desk, desk.GetByRole(AriaRole.Button, new() { Name = t.SignInAsDeskWorker })));
        await Assertions.Expect(desk.Locator("li", new() { HasText = reference })).ToContainTextAsync(t.Worker.TaskKinds[TaskKinds.ContactSelfReferral]);
    }

    /// <summary>A refused field as the summary lists it: its label, then why (after a colon, unless the label asks a question).</summary>
    private static string Summarised(string label, string words) => $"{label}{(label.EndsWith('?') || label.EndsWith('？') ? " " : ": ")}{words}";
}
