using ReferralNet.Matching.Consumers;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("matching", typeof(AgencyEndpoints).Assembly);
builder.AddMessaging(bus => bus.AddConsumer<ReferralRanker>());
builder.Services.AddSingleton<ServiceDirectory>();
builder.Services.AddSingleton<MatchesReady>();

var app = builder.Build();
app.UseWebDefaults();
app.MapAgencies();
app.MapServices();
app.MapMatches();
await app.RunServiceAsync(args);
