using ReferralNet.Intake.Consumers;
using ReferralNet.Intake.Data;
using ReferralNet.Intake.Features.CloseCase;
using ReferralNet.Intake.Features.Dormancy;
using ReferralNet.Intake.Features.ListCases;
using ReferralNet.Intake.Features.MergeCases;
using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Intake.Features.PossibleDuplicates;
using ReferralNet.Intake.Features.ReissueAccessCode;
using ReferralNet.Intake.Features.SelfReferral;
using ReferralNet.Intake.Features.SharedCase;
using ReferralNet.Intake.Features.Tasks;
using ReferralNet.Intake.Features.Team;
using ReferralNet.Intake.Features.ViewCase;
using ReferralNet.Intake.Features.ViewReferral;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("intake", typeof(OpenReferralEndpoint).Assembly);
builder.AddMessaging(bus =>
{
    bus.AddConsentProjection(referralsRecordedHere: true);
    bus.AddConsumer<CaseTimelineRecorder>();
});
builder.AddConsentEnforcement();
builder.Services.AddValidatedOptions<IdentityOptions>();
builder.Services.AddValidatedOptions<IntakeOptions>();
builder.Services.AddSingleton<IDataMigration, MunicipalityCodes>();
builder.Services.AddSingleton<PersonIdentity>();
builder.Services.AddSingleton<DormancySweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<DormancySweep>());

var app = builder.Build();
app.UseWebDefaults();
app.MapOpenReferral();
app.MapSelfReferral();
app.MapViewCase();
app.MapListCases();
app.MapPossibleDuplicates();
app.MapMergeCases();
app.MapMergeProposals();
app.MapCloseCase();
app.MapReissueAccessCode();
app.MapTeam();
app.MapKeyPerson();
app.MapTasks();
app.MapViewReferral();
await app.RunProcessAsync(args);
