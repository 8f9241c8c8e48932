using System.Net;
using System.Text.RegularExpressions;
using ReferralNet.Testing;
using ReferralNet.Web.Session;

namespace ReferralNet.Web.Tests.Features.Session;

/// <summary>The session cookie and the session's forms as an attacker would try them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionSecurityTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("/worker/cases?status=open", "/worker/cases?status=open")]
    [InlineData("/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/%2f%2fevil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("", "/")]
    public void A_return_url_stays_a_path_of_this_site(string returnUrl, string expected) =>
        Assert.Equal(expected, SessionEndpoints.LocalPath(returnUrl));

    [BrowserFact]
    public async Task Sign_out_without_its_form_token_is_refused_and_the_session_goes_on()
    {
        using var browser = await SignedInAsync(_network.Web, https: false);

        using var forged = await browser.Client.PostAsync("/sign-out", new FormUrlEncodedContent([]));
        using var stillIn = await browser.Client.GetAsync("/worker");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [BrowserFact]
    public async Task A_session_cookie_copied_before_sign_out_is_signed_out_with_it()
    {
        using var browser = await SignedInAsync(_network.Web, https: false);
        var cookie = browser.Jar.GetCookieHeader(_network.Web);
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _network.Web };
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await copy.GetAsync("/worker");

        using var signedOut = await PostFormAsync(browser.Client, "/worker", "/sign-out");
        using var after = await copy.GetAsync("/worker");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.OriginalString);
    }

    [BrowserFact]
    public async Task Signing_out_everywhere_ends_the_users_sessions_on_every_device()
    {
        var agency = await new Scenario(_network).CreateAgencyAsync("school", "Everywhere High");
        using var phone = await SignedInAsync(_network.Web, https: false, agency);
        using var desk = await SignedInAsync(_network.Web, https: false, agency);

        using var everywhere = await PostFormAsync(desk.Client, "/worker", "/sign-out/everywhere");
        using var onThePhone = await phone.Client.GetAsync("/worker");

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onThePhone.StatusCode);
    }

    [BrowserFact]
    public async Task A_language_switch_with_a_tab_in_its_return_url_stays_on_this_site()
    {
        using var browser = await SignedInAsync(_network.Web, https: false);

        using var answer = await PostFormAsync(browser.Client, "/worker", "/language", new() { ["Culture"] = "en", ["ReturnUrl"] = "/\t/evil.example" });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
    }

    [BrowserFact]
    public async Task Behind_a_proxy_that_says_https_the_session_cookie_is_host_prefixed_and_secure()
    {
        using var browser = await SignedInAsync(_network.WebApp, https: true);

        var session = browser.SetCookies.Single(c => c.Contains(Sessions.CookieName, StringComparison.Ordinal));
        Assert.StartsWith($"{HostPrefixedCookies.Prefix}{Sessions.CookieName}=", session);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
    }

    [BrowserFact]
    public async Task A_post_to_the_error_page_is_no_server_error()
    {
        using var anonymous = new HttpClient { BaseAddress = _network.Web };

        using var answer = await anonymous.PostAsync("/error", new FormUrlEncodedContent([]));

        Assert.True((int)answer.StatusCode < 500, $"{(int)answer.StatusCode}");
    }

    private sealed record Browser(HttpClient Client, CookieContainer Jar, IReadOnlyList<string> SetCookies) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>
    /// A worker signed in with the demo sign-in, its cookies kept by hand (a cookie jar would not send a Secure cookie
    /// over plain HTTP); with <paramref name="https"/> the sign-in comes as a TLS-terminating proxy would pass it on.
    /// </summary>
    private async Task<Browser> SignedInAsync(Uri site, bool https, Guid? of = null)
    {
        var agency = of ?? await new Scenario(_network).CreateAgencyAsync("school", "Session High");
        var jar = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = site };
        var token = TokenOf(await client.GetStringAsync("/sign-in"));
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in/demo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Role"] = "worker", ["Agency"] = agency.ToString(), ["__RequestVerificationToken"] = token,
            }),
        };
        if (https)
        {
            signIn.Headers.Add("X-Forwarded-Proto", "https");
        }
        using var answer = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return new Browser(client, jar, answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);
    }

    /// <summary>Posts to <paramref name="to"/> as a form of the page at <paramref name="from"/> would: with that page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string from, string to, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = TokenOf(await client.GetStringAsync(from)) };
        return await client.PostAsync(to, new FormUrlEncodedContent(form));
    }

    private static string TokenOf(string page) => Token().Match(page).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
