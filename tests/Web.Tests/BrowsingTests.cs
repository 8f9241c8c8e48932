namespace ReferralNet.Web.Tests;

/// <summary>The checks every browser test relies on find what they are for.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowsingTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Axe_finds_an_image_without_a_text_alternative_and_a_field_without_a_label()
    {
        var page = await Browsing.OpenAsync(fixture, "en");
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>t</title></head>
            <body><main><h1>A page</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>
            """);

        var found = await Browsing.ViolationsAsync(page);

        Assert.Equal(["image-alt", "label"], found.Select(v => v.Id).Order());
        Assert.All(found, v => Assert.Equal("critical", v.Impact));
    }
}
