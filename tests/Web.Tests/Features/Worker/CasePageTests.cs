using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

[Collection(BrowserCollection.Name)]
public sealed class CasePageTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task A_case_of_another_agency_reads_as_not_found_and_shows_nothing_of_it(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var referred = await ReferredPerson.CreateAsync(_network, givenName: "隠");
        var outsider = await new Scenario(_network).CreateAgencyAsync("clinic", "Outside Clinic");
        var page = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, outsider);

        var response = await page.GotoAsync($"/worker/cases/{referred.CaseId}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.NotFoundTitle })).ToBeVisibleAsync();
        Assert.DoesNotContain("隠", await page.ContentAsync());
        Assert.DoesNotContain("Test High", await page.ContentAsync());
        await Browsing.LookAsync(page, $"worker-case-not-found-{language}");
    }
}
