using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Intake.Features.OpenReferral;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("intake", typeof(OpenReferralEndpoint).Assembly);
builder.AddMessaging("intake");
builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<PersonIdentity>();

var app = builder.Build();
app.UseWebDefaults();
app.MapOpenReferral();
await app.RunServiceAsync(args);
