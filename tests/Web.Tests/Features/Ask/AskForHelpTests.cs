using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Ask;

/// <summary>A young person without an account asks for help, by the keyboard alone, and is told it reached someone.</summary>
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

        await Browsing.TypeAsync(page, page.GetByLabel(Texts.Word(t.ContactChannels, ContactChannels.Email)), $"ask-{Guid.NewGuid():N}@example.org");
        await Browsing.PressAsync(page, page.GetByLabel(Texts.Word(t.NeedsPlain, Needs.SocialConnection)));
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = t.Send, Exact = true })));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.AskSentTitle })).ToBeVisibleAsync();
        Assert.DoesNotContain("example.org", page.Url);
        // Not only the police and the ambulance: lines for how they feel, to call while they wait.
        await Assertions.Expect(page.Locator("a[href='tel:0120279338']")).ToContainTextAsync(t.Helplines[0].Name);
        await Browsing.LookAsync(page, $"ask-sent-{language}");
    }
}
