using ReferralNet.Matching.Consumers;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Search;
using ReferralNet.Matching.Features.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("matching", typeof(AgencyEndpoints).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsumer<ReferralRanker>();
    bus.AddConsumer<NextRoundRanker>();
    bus.AddConsumer<CapacityKeeper>();
});
builder.Services.AddSingleton<ServiceDirectory>();
builder.Services.AddSingleton<MatchesReady>();
builder.Services.AddSingleton<MatchRounds>();

var app = builder.Build();
app.UseWebDefaults();
app.MapAgencies();
app.MapServices();
app.MapSearch();
app.MapMatches();
await app.RunServiceAsync(args);
