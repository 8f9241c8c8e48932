using ReferralNet.Matching.Consumers;
using ReferralNet.Matching.Data;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.HsdsImport;
using ReferralNet.Matching.Features.HsdsRead;
using ReferralNet.Matching.Features.Municipalities;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Search;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Matching.Features.TermMappings;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("matching", typeof(AgencyEndpoints).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsumer<ReferralRanker>();
    bus.AddConsumer<NextRoundRanker>();
    bus.AddConsumer<CapacityKeeper>();
});
builder.Services.AddSingleton<IDataMigration, HsdsDocuments>();
builder.Services.AddSingleton<IDataMigration, MunicipalityCodes>();
builder.Services.AddSingleton<AgencyDirectory>();
builder.Services.AddSingleton<ServiceDirectory>();
builder.Services.AddSingleton<MatchesReady>();
builder.Services.AddSingleton<MatchRounds>();

var app = builder.Build();
app.UseWebDefaults();
app.MapAgencies();
app.MapServices();
app.MapSearch();
app.MapMunicipalities();
app.MapMatches();
app.MapHsdsRead();
app.MapHsdsImport();
app.MapTermMappings();
await app.RunProcessAsync(args);
