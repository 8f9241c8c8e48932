namespace ReferralNet.Web.Security;

/// <summary>
/// What every page answer carries: a Content-Security-Policy with no inline script or style (the pages' few scripts are
/// files of this app), never shown inside another site's frame, never stored by the browser or a proxy (a page may
/// hold a young person's data; the back button asks again), no referrer, and none of the browser's powerful features.
/// </summary>
public static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; manifest-src 'self'";

    public static IApplicationBuilder UsePageHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            // Static files (css, js; MapStaticAssets says for how long) may be kept; nothing else.
            if (!context.Request.Path.StartsWithSegments("/static"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
