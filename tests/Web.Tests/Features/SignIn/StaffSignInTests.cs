using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.SignIn;

/// <summary>
/// Staff sign-in as in production: a web app with no demo users, configured with the staff's OpenID Connect provider
/// (<see cref="StaffIdentityProvider"/>), in front of the test network's gateway.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_worker_signs_in_with_their_agencys_account_and_lands_on_the_page_they_asked_for()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("en"));
        var clinic = await new Scenario(_network).CreateAgencyAsync("clinic", "Provider Clinic");
        await using var provider = await StaffIdentityProvider.StartAsync(Roles.Worker, clinic);
        var port = FreePorts.Next();
        await using var web = new ServiceHost<WebOptions>(new Dictionary<string, string?>
        {
            ["Web:Gateway"] = _network.Gateway.ToString(),
            ["Database:ConnectionString"] = _network.Servers.Database($"rn_web_staff_{Guid.NewGuid():N}"),
            ["Web:OidcAuthority"] = provider.Authority.ToString(),
            ["Web:OidcClientId"] = StaffIdentityProvider.ClientId,
            ["Web:OidcClientSecret"] = StaffIdentityProvider.ClientSecret,
        }, environment: "Production", port: port).Start().UntilReady();
        var page = await Browsing.OpenAsync(fixture, "en", new Uri($"http://localhost:{port}/"));

        await page.GotoAsync("/worker/cases");
        await page.WaitForURLAsync("**/sign-in?returnUrl=*");
        // Production offers no demo users.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = t.SignInAsWorker })).ToHaveCountAsync(0);
        await Browsing.LookAsync(page, "staff-sign-in-en");
        await Browsing.PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = t.SignInWithOrganisation }));

        await page.WaitForURLAsync("**/worker/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.Worker.Cases, Exact = true })).ToBeVisibleAsync();
        // The session holds the provider's access token, which the gateway trusts for the clinic's worker.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = t.Worker.MergeProposals })).ToBeVisibleAsync();
    }
}
