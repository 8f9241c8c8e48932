using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ReferralNet.Web.Session;

/// <summary>
/// The signed-in user of this browser: who the token they were given says they are. The token itself stays on the
/// server side of the conversation: it is kept inside the session cookie, which is encrypted (ASP.NET Core Data
/// Protection), HttpOnly and SameSite, and is sent on by the web app to the gateway; the browser's script never sees it.
/// </summary>
public static class SessionUser
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string TokenName = "access_token";

    /// <summary>Starts (or replaces) the session with <paramref name="accessToken"/>, until it expires.</summary>
    public static Task SignInAsync(HttpContext http, string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        var claims = new[] { ClaimNames.Subject, ClaimNames.Role, ClaimNames.Agency, ClaimNames.Person }
            .SelectMany(name => token.Claims.Where(c => c.Type == name))
            .Select(c => new Claim(c.Type, c.Value));
        var identity = new ClaimsIdentity(claims, Scheme, ClaimNames.Subject, ClaimNames.Role);
        var properties = new AuthenticationProperties { ExpiresUtc = token.ValidTo, AllowRefresh = false };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = accessToken }]);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), properties);
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    public static Task<string?> TokenAsync(HttpContext http) => http.GetTokenAsync(Scheme, TokenName);

    public static Caller Of(ClaimsPrincipal user) => Caller.From(user);
}
