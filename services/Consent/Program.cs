using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Consent.Consumers;
using ReferralNet.Consent.Features.AccessLog;
using ReferralNet.Consent.Features.Decisions;
using ReferralNet.Consent.Features.GrantConsent;
using ReferralNet.Consent.Features.ListConsents;
using ReferralNet.Consent.Features.RevokeConsent;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("consent", typeof(GrantConsentEndpoint).Assembly);
builder.AddMessaging("consent", bus =>
{
    bus.AddConsentProjection();
    bus.AddConsumer<CaseDataAccessedConsumer>();
});
builder.AddConsentEnforcement();

var app = builder.Build();
app.UseWebDefaults();
app.MapGrantConsent();
app.MapRevokeConsent();
app.MapListConsents();
app.MapAccessLog();
app.MapDecisions();
await app.RunServiceAsync(args);
