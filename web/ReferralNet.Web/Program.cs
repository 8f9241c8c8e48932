using ReferralNet.Web;
using ReferralNet.Web.Components;
using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Features.Worker;
using ReferralNet.Web.Security;
using ReferralNet.Web.Session;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebAppDefaults();

var app = builder.Build();
app.UseWebAppDefaults();
app.MapRazorComponents<App>();
app.MapSessionEndpoints();
app.MapLiveEvents();
app.MapPasskeyEndpoints();
await app.RunProcessAsync(args);
