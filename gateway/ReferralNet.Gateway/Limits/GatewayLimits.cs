using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace ReferralNet.Gateway.Limits;

public static class GatewayLimits
{
    public const string PerUser = "per-user";
    public const string Anonymous = "anonymous";

    /// <summary>Paths no route names, limited per address in one window: health, development tokens, the contract.</summary>
    private static readonly string[] ProbePaths = ["/health", "/dev", "/openapi", "/docs"];

    /// <summary>
    /// A token bucket per user on authenticated routes, a slow window per address on anonymous ones, and on health,
    /// development tokens, the contract and its page (which no route names); 429 problem+json when exceeded. The
    /// client's address is the connection's, or a trusted proxy's X-Forwarded-For.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) =>
        {
            // The address, and whether the browser came over HTTPS to the TLS-terminating proxy (the web app's cookies say so).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            // ASP.NET Core trusts loopback by default; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in gateway.Value.TrustedProxies)
            {
                if (proxy.Contains('/'))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<NetworkPressure>(sp).Observed());
        builder.Services.AddSingleton<IActiveHealthCheckPolicy>(sp => sp.GetRequiredService<NetworkPressure>());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, ct) => new ValueTask(TooManyAsync(context.HttpContext, context.Lease));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!ProbePaths.Any(path => context.Request.Path.StartsWithSegments(path)))
                {
                    return RateLimitPartition.GetNoLimiter("routes");
                }
                var limits = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ProbePermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.AddPolicy(PerUser, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
                var user = context.User.FindFirst(ClaimNames.Subject)?.Value ?? AddressOf(context);
                return RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
            limiter.AddPolicy(Anonymous, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AnonymousPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>
    /// The client's address from a trusted proxy's X-Forwarded-For. Without trusted proxies the middleware is left out:
    /// with no known proxy at all it would believe every one.
    /// </summary>
    public static WebApplication UseClientAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>
    /// Counts the 401 answers per client address; an address past its limit gets 429 for the rest of the window before
    /// anything is validated or forwarded, so guessing tokens, codes or passphrases from one address stays slow.
    /// </summary>
    public static WebApplication UseFailedAuthenticationLimit(this WebApplication app) =>
        (WebApplication)app.Use(async (context, next) =>
        {
            var failures = context.RequestServices.GetRequiredService<FailedAuthentications>();
            var address = AddressOf(context);
            using (var open = failures.Check(address))
            {
                if (!open.IsAcquired)
                {
                    await TooManyAsync(context, open);
                    return;
                }
            }
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                failures.Count(address);
            }
        });

    /// <summary>
    /// Refuses the share of new work (writes on the proxied routes) that <see cref="NetworkPressure"/> keeps out while
    /// a service's background work is behind: 503 problem+json with Retry-After, as admission control does.
    /// </summary>
    public static WebApplication UseNetworkPressure(this WebApplication app)
    {
        var pressure = app.Services.GetRequiredService<NetworkPressure>();
        return (WebApplication)app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var isWrite = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
            var endpoint = context.GetEndpoint();
            // A route marked "Pressure": "Downstream" (the web app's pages) is not refused here: the API calls a page
            // makes are, and the page tells its reader in their words instead of a browser showing problem+json.
            if (isWrite && endpoint?.Metadata.GetMetadata<RouteModel>() is { } route && endpoint.Metadata.GetMetadata<HeldOpen>() is null
                && route.Config.Metadata?.GetValueOrDefault("Pressure") != "Downstream"
                && Random.Shared.NextDouble() >= pressure.Admitted)
            {
                await Admission.RefuseAsync(context, NetworkPressure.NetworkBehind);
                return;
            }
            await next(context);
        });
    }

    /// <summary>
    /// Routes whose configuration says <c>"Metadata": { "Admission": "HeldOpen" }</c> (the event stream, the long poll)
    /// wait on a service rather than work: they take no place in the gateway's admission control.
    /// </summary>
    public static ReverseProxyConventionBuilder HeldOpenWhereConfigured(this ReverseProxyConventionBuilder proxy) =>
        proxy.ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.GetValueOrDefault("Admission") == nameof(HeldOpen))
            {
                endpoint.HeldOpenForChanges();
            }
        });

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task TooManyAsync(HttpContext context, RateLimitLease lease)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Slow down and retry later." },
        });
    }

    /// <summary>A path and query over 8 KiB is 414, headers over 32 KiB are 431: problem+json, as every refusal.</summary>
    public static WebApplication UseRequestLineAndHeaderLimits(this WebApplication app) =>
        (WebApplication)app.Use(async (context, next) =>
        {
            var target = context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
            var headers = context.Request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
            var (status, title) = target > RequestLimits.MaxTargetLength ? (StatusCodes.Status414UriTooLong, $"The URL is longer than {RequestLimits.MaxTargetLength} characters.")
                : headers > RequestLimits.MaxHeadersLength ? (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"The headers are larger than {RequestLimits.MaxHeadersLength} bytes.")
                : (0, "");
            if (status == 0)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title },
            });
        });

    /// <summary>
    /// Refuses a body over the limit with 413 problem+json: at once when Content-Length says so, and through Kestrel's
    /// own limit for a chunked body (which the exception handler turns into the same answer).
    /// </summary>
    public static WebApplication UseRequestBodyLimit(this WebApplication app) =>
        (WebApplication)app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
            // Refused before Kestrel's limit is lowered: Kestrel then drains the declared body (within its own limit)
            // and the client, still sending, reads the 413 instead of a broken connection.
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                        Detail = $"The limit is {limit} bytes.",
                    },
                });
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
            await next(context);
        });
}

/// <summary>The 401 answers of each client address in the current window (Gateway:RateLimit:FailedAuthenticationsPerMinute).</summary>
public sealed class FailedAuthentications(IOptions<GatewayOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimit.FailedAuthenticationsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Acquired while the address has failures left in this window (asks for none, so it uses none).</summary>
    public RateLimitLease Check(string address) => _limiter.AttemptAcquire(address, 0);

    public void Count(string address) => _limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter.Dispose();
}
