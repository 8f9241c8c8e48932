namespace ReferralNet.Gateway.Headers;

/// <summary>
/// What every answer of the network carries: no content sniffing and no referrer (an id in a URL must not travel to
/// another site). API answers are never stored by a browser or a proxy: most of them hold personal data, and the
/// directory's few that do not are cheap to fetch again.
/// </summary>
public static class ResponseHeaders
{
    public static WebApplication UseResponseHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/dev"))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
