using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReferralNet.Web.Session;

/// <summary>
/// Staff sign-in in production (Web:OidcAuthority): the provider's code flow with PKCE. What the session keeps is the
/// provider's access token, as it keeps any token, and the gateway decides what it may do; the ID token only proves the
/// sign-in to this app. The provider's answer comes back by redirect (query), so the Lax correlation cookie comes with it.
/// </summary>
public static class StaffOpenIdConnect
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/sign-in/callback";

    /// <summary>Only where Web:OidcAuthority is set: a provider's handler without one would refuse every request.</summary>
    public static AuthenticationBuilder AddStaffOpenIdConnect(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>();
        if (web?.OidcAuthority is not { } authority)
        {
            return authentication;
        }
        return authentication.AddOpenIdConnect(Scheme, oidc =>
        {
            oidc.Authority = authority.ToString();
            oidc.ClientId = web.OidcClientId;
            oidc.ClientSecret = web.OidcClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.SignInScheme = SessionUser.Scheme;
            oidc.CallbackPath = CallbackPath;
            // Over plain HTTP only on loopback (development and tests); anywhere else the provider's metadata needs TLS.
            oidc.RequireHttpsMetadata = !authority.IsLoopback;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.Scope.Clear();
            foreach (var scope in web.OidcScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                oidc.Scope.Add(scope);
            }
            foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            oidc.Events.OnTokenValidated = context =>
            {
                if (context.TokenEndpointResponse?.AccessToken is not { Length: > 0 } accessToken)
                {
                    context.Fail("The provider gave no access token.");
                    return Task.CompletedTask;
                }
                context.Principal = SessionUser.Hold(accessToken, context.Properties!);
                // Back to the page that asked for a sign-in, else to the page made for the user's role.
                if (context.Properties!.RedirectUri is null or "/")
                {
                    context.Properties.RedirectUri = Sessions.HomeOf(context.Principal.FindFirst(ClaimNames.Role)?.Value);
                }
                return Task.CompletedTask;
            };
            // A refusal or a failure at the provider is the sign-in page again, saying so; never an exception page.
            oidc.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{Sessions.StaffSignInPath}?failed=1");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
