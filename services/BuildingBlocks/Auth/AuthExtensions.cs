using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer validation and the shared policies.</summary>
    public static IServiceCollection AddReferralNetAuth(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions>();
        services.AddSingleton<IssuerKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PersonLevelRefusal>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IssuerKeys>((jwt, auth, keys) => Configure(jwt, auth.Value, keys));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Worker, p => p.RequireRole(Roles.Worker))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Worker, Roles.AgencyAdmin, Roles.Coordinator))
            .AddPolicy(Policies.DirectoryEditor, p => p.RequireRole(Roles.AgencyAdmin, Roles.Coordinator))
            .AddPolicy(Policies.ConsentParty, p => p.RequireRole(Roles.Worker, Roles.Youth))
            .AddPolicy(Policies.ConsentReader, p => p.RequireRole(Roles.Worker, Roles.Youth, Roles.Auditor))
            .AddPolicy(Policies.AccessLogReader, p => p.RequireRole(Roles.Youth, Roles.Auditor))
            .AddPolicy(Policies.TeamParty, p => p.RequireRole(Roles.Worker, Roles.Youth))
            .AddPolicy(Policies.Youth, p => p.RequireRole(Roles.Youth))
            .AddPolicy(Policies.YouthEnrolment, p => p.RequireRole(Roles.YouthEnrolment));
        return services;
    }

    /// <summary>
    /// In a service, an endpoint that names no policy still requires a valid token: forgetting RequireAuthorization
    /// must not open an endpoint. (Not in the gateway, whose routes all name their policy and where an unknown path is 404.)
    /// </summary>
    public static IServiceCollection RequireTokenByDefault(this IServiceCollection services) =>
        services.Configure<AuthorizationOptions>(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

    /// <summary>Longer subjects are refused (401): a user id is stored with every record a user writes.</summary>
    public const int MaxSubjectLength = 200;

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, IssuerKeys keys)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new RememberingTokenHandler { MapInboundClaims = false });
        var authority = auth.Issuers.SingleOrDefault(i => i.Authority is not null);
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = context.Principal!;
                var issuer = auth.Issuers.FirstOrDefault(i => i.Issuer == principal.FindFirst(ClaimNames.Issuer)?.Value);
                if (issuer is null)
                {
                    context.Fail("The token's issuer is not one of Auth:Issuers.");
                }
                else if (principal.FindFirst(ClaimNames.Subject)?.Value is not { Length: > 0 and <= MaxSubjectLength })
                {
                    context.Fail("The token's subject is missing or too long.");
                }
                else if (issuer.Roles.Count > 0 && !issuer.Roles.Contains(principal.FindFirst(ClaimNames.Role)?.Value ?? ""))
                {
                    context.Fail("The token's issuer may not give this role.");
                }
                return Task.CompletedTask;
            },
        };
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = auth.Issuers.Select(i => i.Issuer).ToList(),
            ValidAudience = auth.Audience,
            // A key checks only its own issuer's tokens (the youth issuer's key cannot sign a staff token), and only while it
            // is one of the issuer's keys now (IssuerKeys reads rotated keys); the authority's come from its metadata.
            IssuerSigningKeyResolverUsingConfiguration = (_, token, kid, _, configuration) => keys.Holds(token.Issuer)
                ? keys.Find(token.Issuer, kid) is { } key ? [key] : []
                : token.Issuer == authority?.Issuer ? configuration?.SigningKeys ?? [] : [],
            TryAllIssuerSigningKeys = false,
            // Pinned: a token naming HS256 (signed with a public key as its secret) or none is refused before any key is tried.
            ValidAlgorithms = authority is null ? [SecurityAlgorithms.EcdsaSha256] : [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        if (authority is not null)
        {
            jwt.Authority = authority.Authority;
            jwt.Audience = auth.Audience;
        }
    }
}
