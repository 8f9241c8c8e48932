using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Marks a route about one person, case, referral, consent or handoff. A caller whose role may not call it gets 404,
/// as an agency outside the case does: the answer must not tell a coordinator or another young person that the
/// object exists.
/// </summary>
public sealed class PersonLevel
{
    public static readonly PersonLevel Route = new();

    private PersonLevel()
    {
    }
}

public static class PersonLevelExtensions
{
    /// <summary>Who may call a person-level route (a named policy); every other signed-in caller gets 404.</summary>
    public static TBuilder RequirePersonAccess<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).WithMetadata(PersonLevel.Route);
}

/// <summary>Answers a refused role on a <see cref="PersonLevel"/> route with 404; everything else as ASP.NET Core does.</summary>
internal sealed class PersonLevelRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<PersonLevel>() is not null)
        {
            await Problems.NotFound("It").ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
