using ReferralNet.Gateway;
using ReferralNet.Gateway.Contract;
using ReferralNet.Gateway.DevTokens;
using ReferralNet.Gateway.Headers;
using ReferralNet.Gateway.Health;
using ReferralNet.Gateway.Limits;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebDefaults("gateway");
builder.Services.AddValidatedOptions<GatewayOptions>();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.AddGatewayLimits();
builder.AddPublicContract();
builder.Services.AddHttpClient(ServicesReadyCheck.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
builder.Services.AddHealthChecks().AddCheck<ServicesReadyCheck>("services", tags: [ServiceDefaults.ReadyTag]);

var app = builder.Build();
app.UseClientAddress();
app.UseResponseHeaders();
app.UseRequestLineAndHeaderLimits();
app.UseFailedAuthenticationLimit();
app.UseNetworkPressure();
app.UseWebDefaults();
app.UseRequestBodyLimit();
app.UseRateLimiter();
app.MapDevTokens();
app.MapPublicContract();
app.MapReverseProxy().HeldOpenWhereConfigured();
await app.RunProcessAsync(args);
