using MassTransit;
using ReferralNet.Insights.Consumers;
using ReferralNet.Insights.Features.Flow;
using ReferralNet.Insights.Features.Summary;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("insights", typeof(SummaryEndpoint).Assembly);
builder.AddMessaging(bus => bus.AddConsumer<FlowRecorder, FlowRecorderDefinition>());
builder.Services.AddValidatedOptions<DisclosureOptions>();

var app = builder.Build();
app.UseWebDefaults();
app.MapSummary();
app.MapFlow();
await app.RunProcessAsync(args);
