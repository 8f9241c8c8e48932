using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Intake.Features.ReissueAccessCode;
using ReferralNet.Intake.Features.ViewCase;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("intake", typeof(OpenReferralEndpoint).Assembly);
builder.AddMessaging("intake", bus => bus.AddConsentProjection(referralsRecordedHere: true));
builder.AddConsentEnforcement();
builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<PersonIdentity>();

var app = builder.Build();
app.UseWebDefaults();
app.MapOpenReferral();
app.MapViewCase();
app.MapReissueAccessCode();
await app.RunServiceAsync(args);
