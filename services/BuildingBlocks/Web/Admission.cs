using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNet.BuildingBlocks.Web;

public sealed class AdmissionOptions : IOptionsSection
{
    public static string Section => "Admission";

    /// <summary>
    /// Requests worked on at once: four per core. Few: more at once only makes each one slower, and a limit that is never
    /// reached sheds nothing. Under load the time each takes grows, so this admits fewer per second, which is the point.
    /// </summary>
    [Range(1, 10_000)]
    public int ConcurrentRequests { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests waiting for a place, oldest first; past them a request is refused at once.</summary>
    [Range(0, 100_000)]
    public int QueuedRequests { get; set; } = 256;

    /// <summary>The longest a request waits for a place: one that would wait longer could not be answered in time anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan QueueBudget { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>What a refused client is told to wait before it tries again.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;
}

/// <summary>
/// Marks an endpoint that holds its request open waiting for something else (a stream of events, a long poll): it is
/// not work, so it takes no place among <see cref="AdmissionOptions.ConcurrentRequests"/>, where it would keep out
/// the requests that are.
/// </summary>
public sealed class HeldOpen
{
    public static readonly HeldOpen Instance = new();

    private HeldOpen()
    {
    }
}

/// <summary>
/// Admission control: a process takes on only the work it can finish in time. At most
/// <see cref="AdmissionOptions.ConcurrentRequests"/> at once, the next ones wait in a bounded queue for at most
/// <see cref="AdmissionOptions.QueueBudget"/>; the rest get 503 problem+json with <c>Retry-After</c> and change nothing.
/// Health and held-open endpoints are outside it, so readiness stays truthful under load.
/// </summary>
public static class Admission
{
    private static readonly Meter Meter = new("ReferralNet.Admission");
    private static readonly Counter<long> Shed = Meter.CreateCounter<long>("referralnet.requests.shed", description: "Requests refused by admission control");

    /// <summary>Why a request was refused (the metric's tag).</summary>
    public const string Busy = "busy";
    private static readonly Histogram<double> Queued = Meter.CreateHistogram<double>(
        "referralnet.requests.queued", "ms", "Time an admitted request waited for a place");

    public static IServiceCollection AddAdmission(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdmissionOptions>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AdmissionOptions>>().Value;
            return new AdmissionLimiter(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentRequests,
                QueueLimit = options.QueuedRequests,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        });
        return services;
    }

    public static TBuilder HeldOpenForChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(HeldOpen.Instance);

    /// <summary>After routing (the endpoint's metadata says whether it is held open), before anything does work.</summary>
    public static IApplicationBuilder UseAdmission(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || context.GetEndpoint()?.Metadata.GetMetadata<HeldOpen>() is not null)
            {
                await next(context);
                return;
            }
            var limiter = context.RequestServices.GetRequiredService<AdmissionLimiter>().Limiter;
            var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                lease = await WaitForPlaceAsync(context, limiter);
            }
            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    await RefuseAsync(context, Busy);
                    return;
                }
                await next(context);
            }
        });

    private static async Task<RateLimitLease> WaitForPlaceAsync(HttpContext context, ConcurrencyLimiter limiter)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AdmissionOptions>>().Value;
        var started = TimeProvider.System.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(options.QueueBudget);
        try
        {
            var lease = await limiter.AcquireAsync(1, budget.Token);
            if (lease.IsAcquired)
            {
                Queued.Record(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }
            return lease;
        }
        catch (OperationCanceledException)
        {
            return Refused.Lease;
        }
    }

    /// <summary>503 problem+json with Retry-After: nothing was done, try again shortly.</summary>
    public static async Task RefuseAsync(HttpContext context, string reason)
    {
        Shed.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        var options = context.RequestServices.GetRequiredService<IOptions<AdmissionOptions>>().Value;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy.",
                Detail = "Nothing was done. Retry after the time in Retry-After.",
            },
        });
    }

    /// <summary>The process's one limiter (a type of its own, so nothing else resolves it by accident).</summary>
    internal sealed record AdmissionLimiter(ConcurrencyLimiter Limiter);

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Lease = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
