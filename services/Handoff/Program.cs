using ReferralNet.Handoff.Consumers;
using ReferralNet.Handoff.Data;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.Deadlines;
using ReferralNet.Handoff.Features.Escalations;
using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.MoveHandoff;
using ReferralNet.Handoff.Features.OfferHandoff;
using ReferralNet.Handoff.Features.Tasks;
using ReferralNet.Handoff.Features.ViewHandoffs;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("handoff", typeof(OfferHandoffEndpoint).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsumer<ReferralRecorder>();
    bus.AddConsumer<CandidateRecorder>();
    bus.AddConsumer<OfferWithdrawalOnRevocation>();
    bus.AddConsumer<OfferWithdrawalOnClosing>();
    bus.AddConsumer<CaseLeadRecorder>();
    bus.AddConsumer<ServiceRecorder>();
    bus.AddConsumer<AgencyRecorder>();
    bus.AddConsumer<ReviewEscalationRecorder>();
    bus.AddConsumer<JointMeetingRecorder>();
    bus.AddConsentProjection(referralsRecordedHere: true);
});
builder.AddConsentEnforcement();
builder.Services.AddSingleton<IDataMigration, MunicipalityCodes>();
builder.Services.AddSingleton<HandoffMoves>();
builder.Services.AddSingleton<CasePasses>();
builder.Services.AddSingleton<HandoffOffers>();
builder.Services.AddHostedService<DeadlineSweep>();
builder.Services.AddSingleton<AgencyStreams>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AgencyStreams>());
builder.Services.AddHostedService<FeedRetention>();
builder.Services.AddValidatedOptions<HandoffOptions>();

var app = builder.Build();
app.UseWebDefaults();
app.MapOfferHandoff();
HandoffMoves.Map(app);
app.MapViewHandoffs();
app.MapTasks();
app.MapEscalations();
app.MapEvents();
await app.RunProcessAsync(args);
