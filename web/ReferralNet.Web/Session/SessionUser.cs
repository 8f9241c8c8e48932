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
        var properties = new AuthenticationProperties();
        return http.SignInAsync(Scheme, Hold(accessToken, properties), properties);
    }

    /// <summary>
    /// The session's user as <paramref name="accessToken"/> says (the claims the network reads), with the token kept in
    /// <paramref name="properties"/> and the session ending when the token does.
    /// </summary>
    public static ClaimsPrincipal Hold(string accessToken, AuthenticationProperties properties)
    {
        var token = new JsonWebToken(accessToken);
        var claims = new[] { ClaimNames.Subject, ClaimNames.Role, ClaimNames.Agency, ClaimNames.Person, ClaimNames.Scope }
            .SelectMany(name => token.Claims.Where(c => c.Type == name))
            .Select(c => new Claim(c.Type, c.Value));
        (properties.ExpiresUtc, properties.AllowRefresh) = (token.ValidTo, false);
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = accessToken }]);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimNames.Subject, ClaimNames.Role));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    public static Task<string?> TokenAsync(HttpContext http) => http.GetTokenAsync(Scheme, TokenName);

    public static Caller Of(ClaimsPrincipal user) => Caller.From(user);
}
