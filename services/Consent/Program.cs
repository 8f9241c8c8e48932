using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Consent.Features.GrantConsent;
using ReferralNet.Consent.Features.ListConsents;
using ReferralNet.Consent.Features.RevokeConsent;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("consent", typeof(GrantConsentEndpoint).Assembly);
builder.AddMessaging("consent");

var app = builder.Build();
app.UseWebDefaults();
app.MapGrantConsent();
app.MapRevokeConsent();
app.MapListConsents();
await app.RunServiceAsync(args);
