using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReferralNet.Testing;
using ReferralNet.Web.Components.Shared;
using ReferralNet.Web.Gateway;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Components.Shared;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class NotShownTests
{
    private static readonly Texts English = Texts.For(CultureInfo.GetCultureInfo("en"));

    [Fact]
    public async Task What_the_network_says_is_not_there_is_a_404_page()
    {
        var (status, html) = await RenderAsync(HttpStatusCode.NotFound);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains(WebUtility.HtmlEncode(English.NotFoundTitle), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task A_busy_or_broken_network_asks_to_try_again_and_never_says_not_found(HttpStatusCode answered)
    {
        var (status, html) = await RenderAsync(answered);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Contains(WebUtility.HtmlEncode(English.Busy), html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(English.NotFoundTitle), html, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Html)> RenderAsync(HttpStatusCode answered)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        await using var services = new ServiceCollection().AddScoped<Ui>().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var http = new DefaultHttpContext();
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<CascadingValue<HttpContext>>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CascadingValue<HttpContext>.Value)] = http,
                [nameof(CascadingValue<HttpContext>.ChildContent)] = (RenderFragment)(builder =>
                {
                    builder.OpenComponent<NotShown>(0);
                    builder.AddComponentParameter(1, nameof(NotShown.Problem), ApiProblem.Unreadable(answered));
                    builder.CloseComponent();
                }),
            }));
            return output.ToHtmlString();
        });
        return (http.Response.StatusCode, html);
    }
}
