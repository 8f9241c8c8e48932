using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ReferralNet.Testing;

namespace ReferralNet.Web.Tests.Features.Home;

/// <summary>The pages' own files: named by their content, so a browser keeps them a year; sent compressed when it can take that.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaticFilesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Every_file_a_page_links_is_fingerprinted_cached_for_a_year_and_sent_compressed()
    {
        using var anyone = await fixture.Network.ClientAsync();
        var home = await anyone.GetStringAsync("/");
        var linked = Regex.Matches(home, "(?:href|src)=\"(/static/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(4, linked.Count); // the style sheet, the icon and two scripts
        foreach (var path in linked)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await anyone.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js|svg)$", path);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains(response.Content.Headers.ContentEncoding.Single(), new[] { "br", "gzip" });
        }
    }
}
