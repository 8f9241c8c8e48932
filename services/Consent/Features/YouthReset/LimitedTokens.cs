using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ReferralNet.Consent.Features.YouthReset;

/// <summary>
/// A limited youth token lives only while the reset it was given for waits: once the young person cancels it (or it
/// is replaced, or takes effect and a full token is due), the token is refused (401) here at once, not at its expiry.
/// </summary>
public static class LimitedTokens
{
    public static IServiceCollection EndLimitedTokensWithTheirReset(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var validated = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                var caller = Caller.From(context.Principal!);
                if (context.Result is { Failure: not null } || !caller.IsLimitedYouth || caller.Scope != YouthTokenScopes.Limited)
                {
                    return;
                }
                var services = context.HttpContext.RequestServices;
                var waiting = YouthTokens.ResetRequestedAt(context.Principal!) is { } requestedAt && caller.PersonId is { } personId
                    && await CredentialResets.IsWaitingAsync(services.GetRequiredService<Database>(), personId, requestedAt,
                        services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
                if (!waiting)
                {
                    context.Fail("The reset this limited token was given for no longer waits.");
                }
            };
        });
}
