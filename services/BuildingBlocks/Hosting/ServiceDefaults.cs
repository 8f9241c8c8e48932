using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ReferralNet.BuildingBlocks.Telemetry;

namespace ReferralNet.BuildingBlocks.Hosting;

public static class ServiceDefaults
{
    /// <summary>The tag of the health checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public const string MigrateOnlyArgument = "--migrate-only";

    public const string CheckSettingsArgument = "--check-settings";

    /// <summary>What every HTTP process (services and gateway) has: telemetry, token validation, problem details, health.</summary>
    public static WebApplicationBuilder AddWebDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddTelemetry(serviceName);
        builder.Services.AddReferralNetAuth();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so the handler above answers them as problem+json instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks();
        builder.Services.AddAdmission();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new TextWithoutControlCharacters()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(RequestLimits.AboveTheGateways);
        return builder;
    }

    /// <summary>A ReferralNet service: web defaults plus its own PostgreSQL database, migrations and outbox.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, Assembly serviceAssembly)
    {
        builder.AddWebDefaults(serviceName);
        builder.Services.RequireTokenByDefault();
        builder.Services.AddOpenApiContract(serviceName);
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        return builder.AddOwnDatabase(new ServiceIdentity(serviceName, serviceAssembly));
    }

    /// <summary>
    /// The process's own PostgreSQL database (<c>Database:ConnectionString</c>): its data source, its migrations (the
    /// building blocks' shared schema too when <see cref="ServiceIdentity.SharedSchema"/>), run at start, and its
    /// readiness check.
    /// </summary>
    public static WebApplicationBuilder AddOwnDatabase(this WebApplicationBuilder builder, ServiceIdentity service)
    {
        DapperTypeHandlers.Register(service.Assembly);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<DatabaseOptions>();
        builder.Services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(database.ConnectionString).EnableParameterLogging(false);
            dataSource.ConnectionStringBuilder.MaxPoolSize = database.MaxPoolSize;
            dataSource.ConnectionStringBuilder.MinPoolSize = database.KeptOpen;
            // Every statement here is parameterised and repeated: prepare the frequent ones once per connection.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            // No session state is ever set, so a pooled connection need not be reset (which would drop the prepared statements).
            dataSource.ConnectionStringBuilder.NoResetOnClose = true;
            return dataSource.Build();
        });
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Database>();
        // Registered before messaging, so the schema exists before the bus and the dispatcher start.
        builder.Services.AddHostedService<MigrateOnStart>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>The middleware every HTTP process runs, in order, and its health endpoints.</summary>
    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        app.UseMetricsWhereConfigured();
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseControlCharacterRefusal();
        app.UseAdmission();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            // Degraded (parked messages, a bus that is reconnecting: the outbox keeps what the service emits) still serves.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        };
        if (app.Services.GetService<QueueTime>() is { } queueTime)
        {
            // The gateway's probes read how far this service's background work is behind.
            var write = ready.ResponseWriter;
            ready.ResponseWriter = (context, report) =>
            {
                context.Response.Headers[QueueTime.Header] = ((long)queueTime.RecentMilliseconds).ToString(CultureInfo.InvariantCulture);
                return write(context, report);
            };
        }
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        if (app.Services.GetService<ServiceIdentity>() is { SharedSchema: true })
        {
            app.MapOpenApiContract(); // a service's own contract; the gateway serves the merged one
        }
        return app;
    }

    /// <summary>
    /// Runs the process; with --migrate-only, only its migrations (a deployment's Job); with --check-settings, only
    /// the check of its settings (every validated options class), which prints what is wrong and exits non-zero.
    /// </summary>
    public static async Task RunProcessAsync(this WebApplication app, string[] args)
    {
        if (args.Contains(MigrateOnlyArgument))
        {
            var migrator = app.Services.GetService<SchemaMigrator>()
                ?? throw new InvalidOperationException("This process has no database of its own to migrate.");
            migrator.Migrate();
            return;
        }
        if (args.Contains(CheckSettingsArgument))
        {
            var refused = SettingsCheck.Refusals(app.Services);
            foreach (var refusal in refused)
            {
                await Console.Error.WriteLineAsync(refusal);
            }
            Environment.ExitCode = refused.Count == 0 ? 0 : 1;
            return;
        }
        await app.RunAsync();
    }

    private sealed class MigrateOnStart(SchemaMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.MigrateOnStart)
            {
                migrator.Migrate();
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
