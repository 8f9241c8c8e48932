using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ReferralNet.Web.Gateway;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Session;

/// <summary>The forms every page may post that are no page of their own: the language, signing out, and (development) a demo user.</summary>
public static class SessionEndpoints
{
    // Classes, not records: the form binder requires every constructor parameter, and a field may be left out.
    public sealed class LanguageForm
    {
        public string? Culture { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class DevSignInForm
    {
        public string? Role { get; set; }
        public Guid? Agency { get; set; }
    }

    private sealed record DevToken(string AccessToken);

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/language", Language);
        app.MapPost("/sign-out", SignOutAsync);
        app.MapPost("/sign-out/everywhere", SignOutEverywhereAsync);
        app.MapPost("/sign-in/demo", DemoSignInAsync);
        // A link, not a form: the page's CSP lets forms post only here, and the provider is elsewhere. Its state and
        // correlation cookie protect the way back.
        app.MapGet("/sign-in/organisation", OrganisationSignIn);
        // The gateway sends here every path its API routes do not name: an API client gets the API's 404, not a page.
        foreach (var api in new[] { "/api/{**rest}", "/dev/{**rest}" })
        {
            app.Map(api, () => Problems.NotFound("The resource")).DisableAntiforgery();
        }
    }

    /// <summary>
    /// Only a path of this site: never a redirect elsewhere. <c>//evil.example</c> and <c>/\evil.example</c> are other
    /// sites, a browser drops a tab or a line break inside a URL (<c>/\t/evil.example</c> is <c>//evil.example</c>), and
    /// an encoded slash or backslash becomes one after a second decoding: any of them, or any control character, gives
    /// the fallback instead.
    /// </summary>
    public static string LocalPath(string? returnUrl, string fallback = "/") =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.Any(c => char.IsControl(c) || c == '\\')
        && (url.Length == 1 || url[1] != '/')
        && !url.Contains("%2f", StringComparison.OrdinalIgnoreCase) && !url.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            ? url
            : fallback;

    private static RedirectHttpResult Language([FromForm] LanguageForm form, HttpContext http)
    {
        var culture = Texts.Cultures.FirstOrDefault(c => c.Name == form.Culture) ?? Texts.Japanese;
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return TypedResults.LocalRedirect(LocalPath(form.ReturnUrl));
    }

    /// <summary>Only the page's own form signs out (its antiforgery token): another site cannot sign a user out.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form was not sent by this site.");
        }
        var youth = http.User.IsInRole(Roles.Youth) || http.User.IsInRole(Roles.YouthEnrolment);
        await SessionUser.SignOutAsync(http);
        return TypedResults.LocalRedirect(youth ? "/" : Sessions.StaffSignInPath);
    }

    /// <summary>Ends every session of the signed-in user (a phone left somewhere, a shared computer), then this one's page.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutEverywhereAsync(
        HttpContext http, IAntiforgery antiforgery, SessionStore sessions, CancellationToken ct)
    {
        if (http.User.FindFirst(ClaimNames.Subject)?.Value is { } userId && await antiforgery.IsRequestValidAsync(http))
        {
            await sessions.RemoveAllAsync(userId, ct);
        }
        return await SignOutAsync(http, antiforgery);
    }

    /// <summary>Production: to the staff's OpenID Connect provider, and back to <paramref name="returnUrl"/> (a path of this site).</summary>
    private static Results<ChallengeHttpResult, NotFound> OrganisationSignIn(string? returnUrl, IOptions<WebOptions> options) =>
        options.Value.OidcAuthority is null
            ? TypedResults.NotFound()
            : TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }, [StaffOpenIdConnect.Scheme]);

    /// <summary>Development only: signs in as a user of the demo network with a token of the gateway's development issuer.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> DemoSignInAsync(
        [FromForm] DevSignInForm form, HttpContext http, GatewayApi gateway, IOptions<WebOptions> options, CancellationToken ct)
    {
        if (!options.Value.DevSignIn)
        {
            return TypedResults.NotFound();
        }
        var role = form.Role is Roles.Worker or Roles.AgencyAdmin or Roles.Coordinator or Roles.Auditor ? form.Role : null;
        if (role is null || (role is Roles.Worker or Roles.AgencyAdmin && form.Agency is null))
        {
            return new ValidationErrors().Add("role", ErrorCodes.Required, "choose a role (and an agency for a worker or an administrator)").ToProblem();
        }
        var sub = form.Agency is { } agency ? $"demo-{role}-{agency:N}" : $"demo-{role}";
        var token = await gateway.PostAsync<DevToken>("/dev/token", new { sub, role, agency = form.Agency }, ct);
        if (!token.IsOk)
        {
            return TypedResults.Problem(statusCode: token.Problem!.Status, title: token.Problem.Title, detail: token.Problem.Detail);
        }
        await SessionUser.SignInAsync(http, token.Value!.AccessToken);
        return TypedResults.LocalRedirect(Sessions.HomeOf(role));
    }
}
