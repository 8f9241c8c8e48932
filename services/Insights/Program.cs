using MassTransit;
using ReferralNet.Insights.Consumers;
using ReferralNet.Insights.Features.Summary;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("insights", typeof(SummaryEndpoint).Assembly);
builder.AddMessaging("insights", bus => bus.AddConsumer<FlowRecorder, FlowRecorderDefinition>());
builder.Services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section).ValidateDataAnnotations().ValidateOnStart();

var app = builder.Build();
app.UseWebDefaults();
app.MapSummary();
await app.RunServiceAsync(args);
