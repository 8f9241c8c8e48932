using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using ReferralNet.BuildingBlocks.Telemetry;
using ReferralNet.Web.Gateway;
using ReferralNet.Web.Security;
using ReferralNet.Web.Session;
using ReferralNet.Web.Text;

namespace ReferralNet.Web;

/// <summary>What the web app is made of, in the order it runs; Program.cs only names these.</summary>
public static class WebAppDefaults
{
    public static WebApplicationBuilder AddWebAppDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry("web");
        // Its own database, for the sessions: its own tables only, none of the services' shared schema.
        builder.AddOwnDatabase(new ReferralNet.BuildingBlocks.Data.ServiceIdentity("web", typeof(WebAppDefaults).Assembly, SharedSchema: false));
        builder.WebHost.ConfigureKestrel(RequestLimits.AboveTheGateways);
        builder.Services.AddValidatedOptions<WebOptions>();
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Ui>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Youth.YouthApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Worker.WorkerApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Plans.PlanApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Meetings.MeetingApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Councils.CouncilApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Coordinator.InsightsApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Admin.AdminApi>();
        builder.Services.AddScoped<ReferralNet.Web.Features.Services.PublishedServicesApi>();
        builder.Services.AddHttpClient<GatewayApi>((sp, client) =>
                client.BaseAddress = sp.GetRequiredService<IOptions<WebOptions>>().Value.Gateway)
            .ConfigurePrimaryHttpMessageHandler(() => new RetryAfterHonoured());
        // A held-open stream (the live events) has no timeout of its own; it ends with the browser's request.
        builder.Services.AddHttpClient(ReferralNet.Web.Features.Worker.LiveEvents.StreamClient, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptions<WebOptions>>().Value.Gateway;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.Services.AddSessions(builder.Configuration);
        builder.Services.AddHealthChecks();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // The gateway in front says who the browser is; only loopback is believed (ASP.NET Core's default).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return builder;
    }

    public static WebApplication UseWebAppDefaults(this WebApplication app)
    {
        app.UseMetricsWhereConfigured();
        // Read from the configuration, not the validated options: --check-settings reports those as it should.
        if (app.Configuration.GetValue<bool>($"{WebOptions.Section}:{nameof(WebOptions.DevSignIn)}") && !app.Environment.IsDevelopment())
        {
            // As the gateway's development tokens: a production web app switched on by mistake must not offer them.
            throw new InvalidOperationException($"Web:DevSignIn is on in the '{app.Environment.EnvironmentName}' environment; demo users exist only in Development.");
        }
        app.UseForwardedHeaders();
        // Over HTTPS (as the proxy in front says), browsers are told to come back only over HTTPS (not for localhost).
        app.UseHsts();
        app.UsePageHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // A form without its antiforgery token, or a value that is not what the form sends: the browser's request is bad.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // A scope of its own: the page that set the status may already have used this request's (Blazor's navigation state).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(localization =>
        {
            localization.SetDefaultCulture(Texts.Japanese.Name);
            localization.SupportedCultures = [.. Texts.Cultures];
            localization.SupportedUICultures = [.. Texts.Cultures];
            // The reader's choice (a cookie), else the browser's languages; never the URL, which may be shared.
            localization.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Fingerprinted files (Assets[...] in the pages) are cached for a year, the rest revalidated; gzip and Brotli
        // made at build time. HTML pages stay uncompressed: they carry antiforgery tokens beside what a reader typed.
        app.MapStaticAssets();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        return app;
    }
}
