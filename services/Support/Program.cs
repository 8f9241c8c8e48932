using ReferralNet.Support.Consumers;
using ReferralNet.Support.Features;
using ReferralNet.Support.Features.Councils;
using ReferralNet.Support.Features.FollowUps;
using ReferralNet.Support.Features.Meetings;
using ReferralNet.Support.Features.Moves;
using ReferralNet.Support.Features.Plan;
using ReferralNet.Support.Features.Reviews;
using ReferralNet.Support.Features.Tasks;
using ReferralNet.Support.Features.YouthMeetings;
using ReferralNet.Support.Features.YouthPlans;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("support", typeof(PlanEndpoints).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsumer<CaseTeamRecorder>();
    bus.AddConsumer<ReviewEscalationResolutions>();
    bus.AddConsumer<AcceptedHandoffs>();
    bus.AddConsentProjection();
});
builder.AddConsentEnforcement();
builder.Services.AddValidatedOptions<SupportOptions>();
builder.Services.AddSingleton<ReviewDeadline>();
builder.Services.AddHostedService<ReviewSweep>();
builder.Services.AddHostedService<CouncilRecordsSweep>();

var app = builder.Build();
app.UseWebDefaults();
app.MapPlan();
app.MapMoveStep();
app.MapReviews();
app.MapFollowUps();
app.MapYouthPlans();
app.MapMeetings();
app.MapYouthMeetings();
app.MapCouncils();
app.MapCouncilMeetings();
app.MapTasks();
await app.RunProcessAsync(args);
