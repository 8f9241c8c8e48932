using ReferralNet.Handoff.Consumers;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.Deadlines;
using ReferralNet.Handoff.Features.Escalations;
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
    bus.AddConsumer<MergedCaseParticipants>();
    bus.AddConsumer<OfferWithdrawalOnClosing>();
    bus.AddConsumer<CaseLeadRecorder>();
    bus.AddConsentProjection(referralsRecordedHere: true);
});
builder.AddConsentEnforcement();
builder.Services.AddSingleton<HandoffMoves>();
builder.Services.AddSingleton<CasePasses>();
builder.Services.AddSingleton<HandoffOffers>();
builder.Services.AddHostedService<DeadlineSweep>();
builder.Services.AddValidatedOptions<HandoffOptions>();

var app = builder.Build();
app.UseWebDefaults();
app.MapOfferHandoff();
HandoffMoves.Map(app);
app.MapViewHandoffs();
app.MapTasks();
app.MapEscalations();
await app.RunServiceAsync(args);
