using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer validation and the shared policies.</summary>
    public static IServiceCollection AddReferralNetAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PersonLevelRefusal>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Worker, p => p.RequireRole(Roles.Worker))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Worker, Roles.AgencyAdmin, Roles.Coordinator))
            .AddPolicy(Policies.DirectoryEditor, p => p.RequireRole(Roles.AgencyAdmin, Roles.Coordinator))
            .AddPolicy(Policies.ConsentParty, p => p.RequireRole(Roles.Worker, Roles.Youth))
            .AddPolicy(Policies.ConsentReader, p => p.RequireRole(Roles.Worker, Roles.Youth, Roles.Auditor))
            .AddPolicy(Policies.AccessLogReader, p => p.RequireRole(Roles.Youth, Roles.Auditor))
            .AddPolicy(Policies.YouthEnrolment, p => p.RequireRole(Roles.YouthEnrolment));
        return services;
    }

    /// <summary>
    /// In a service, an endpoint that names no policy still requires a valid token: forgetting RequireAuthorization
    /// must not open an endpoint. (Not in the gateway, whose routes all name their policy and where an unknown path is 404.)
    /// </summary>
    public static IServiceCollection RequireTokenByDefault(this IServiceCollection services) =>
        services.Configure<AuthorizationOptions>(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

    public static SymmetricSecurityKey DevelopmentKey(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not set.")));

    /// <summary>Longer subjects are refused (401): a user id is stored with every record a user writes.</summary>
    public const int MaxSubjectLength = 200;

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst("sub")?.Value is not { Length: > 0 and <= MaxSubjectLength })
                {
                    context.Fail("The token's subject is missing or too long.");
                }
                return Task.CompletedTask;
            },
        };
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            NameClaimType = "sub",
            RoleClaimType = "role",
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            jwt.Authority = auth.Authority;
            jwt.Audience = auth.Audience;
        }
        else
        {
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(auth);
        }
    }
}
