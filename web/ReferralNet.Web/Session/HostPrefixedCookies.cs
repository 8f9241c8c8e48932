using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReferralNet.Web.Session;

/// <summary>
/// The session cookie over HTTPS (the browser's, as a trusted proxy in front says with X-Forwarded-Proto) is
/// <c>__Host-</c> prefixed and Secure: the browser then keeps it only for this host, over HTTPS, for every path, and no
/// sibling domain or plain-HTTP page can set or overwrite it. Over plain HTTP (a local network) it keeps its own name.
/// </summary>
public sealed class HostPrefixedCookies : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _cookies = new();

    public string? GetRequestCookie(HttpContext context, string key) => _cookies.GetRequestCookie(context, NameOf(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _cookies.AppendResponseCookie(context, NameOf(context, key), value, Secured(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _cookies.DeleteCookie(context, NameOf(context, key), Secured(context, options));

    private static string NameOf(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    private static CookieOptions Secured(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            // What the prefix requires: Secure, the whole site, no Domain.
            (options.Secure, options.Path, options.Domain) = (true, "/", null);
        }
        return options;
    }
}
