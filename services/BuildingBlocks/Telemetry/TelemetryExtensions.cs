using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ReferralNet.BuildingBlocks.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Sources of every ReferralNet-owned activity and meter (outbox, business metrics).</summary>
    public const string OwnSources = "ReferralNet.*";

    /// <summary>
    /// Traces and metrics from ASP.NET Core, HttpClient, Npgsql, YARP and MassTransit, so one trace follows a referral
    /// across the gateway, HTTP and the broker. Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans are
    /// recorded only when something takes them (OTLP, or Telemetry:Traces = true for an exporter added in code):
    /// recording spans nobody exports costs CPU on every request and message; trace context still propagates.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = builder.Configuration.GetValue<int?>(PrometheusPortSetting) is not null;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("MassTransit", OwnSources);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit", "Yarp.ReverseProxy", OwnSources));
        // Decided when the provider is built, so configuration added after Program.cs ran (tests) counts too.
        builder.Services.ConfigureOpenTelemetryTracerProvider((services, tracing) =>
        {
            var recorded = otlp || services.GetRequiredService<IConfiguration>().GetValue<bool>("Telemetry:Traces");
            tracing.SetSampler(recorded ? new ParentBasedSampler(new AlwaysOnSampler()) : new AlwaysOffSampler());
        });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>The port of a Prometheus scrape endpoint (<c>/metrics</c>); unset, there is none.</summary>
    public const string PrometheusPortSetting = "Telemetry:PrometheusPort";

    /// <summary>
    /// The metrics for Prometheus at <c>/metrics</c>, answered only on a connection to <see cref="PrometheusPortSetting"/>'s
    /// port (which the process must listen on too, and no Service exposes). The connection's own port, not the Host
    /// header, which a client writes: on the public port the gateway would otherwise give its metrics to anyone.
    /// </summary>
    public static WebApplication UseMetricsWhereConfigured(this WebApplication app)
    {
        if (app.Configuration.GetValue<int?>(PrometheusPortSetting) is { } port)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == "/metrics");
        }
        return app;
    }
}
