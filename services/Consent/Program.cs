using ReferralNet.Consent.Consumers;
using ReferralNet.Consent.Features;
using ReferralNet.Consent.Features.AccessLog;
using ReferralNet.Consent.Features.Decisions;
using ReferralNet.Consent.Features.ExpireConsents;
using ReferralNet.Consent.Features.GrantConsent;
using ReferralNet.Consent.Features.ListConsents;
using ReferralNet.Consent.Features.Participants;
using ReferralNet.Consent.Features.Receipt;
using ReferralNet.Consent.Features.RevokeConsent;
using ReferralNet.Consent.Features.YouthAccess;
using ReferralNet.Consent.Features.YouthCredential;
using ReferralNet.Consent.Features.YouthPasskey;
using ReferralNet.Consent.Features.YouthSignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("consent", typeof(GrantConsentEndpoint).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsentProjection(referralsRecordedHere: true);
    bus.AddConsumer<AccessLogRecorder>();
    bus.AddConsumer<PersonAgeRecorder>();
    bus.AddConsumer<AccessCodeRecorder>();
});
builder.AddConsentEnforcement();
builder.Services.AddValidatedOptions<ConsentOptions>();
builder.Services.AddHostedService<ConsentExpiry>();
builder.Services.AddSingleton<ConsentAuthority>();
builder.Services.AddPasskeys();

var app = builder.Build();
app.UseWebDefaults();
app.MapGrantConsent();
app.MapRevokeConsent();
app.MapListConsents();
app.MapAccessLog();
app.MapParticipants();
app.MapDecisions();
app.MapReceipt();
app.MapYouthAccess();
app.MapSetCredential();
app.MapSignIn();
app.MapPasskeyEnrolment();
app.MapPasskeySignIn();
await app.RunServiceAsync(args);
