using System.Security.Claims;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Who is calling, from the validated token: a user id, a role, the agency or person the role is tied to, and for the
/// young person what their token may do (<see cref="YouthTokenScopes"/>).
/// </summary>
public sealed record Caller(string UserId, string Role, Guid? AgencyId, Guid? PersonId, string? Scope = null)
{
    /// <summary>Binds a handler's <c>Caller caller</c> parameter from the validated token, as minimal APIs call it.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http) => ValueTask.FromResult<Caller?>(From(http.User));

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Subject) ?? "",
        user.FindFirstValue(ClaimNames.Role) ?? "",
        Guid.TryParse(user.FindFirstValue(ClaimNames.Agency), out var agency) ? agency : null,
        Guid.TryParse(user.FindFirstValue(ClaimNames.Person), out var person) ? person : null,
        user.FindFirstValue(ClaimNames.Scope));

    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsAuditor => Role == Roles.Auditor;

    public bool IsYouth(Guid personId) => Role == Roles.Youth && PersonId == personId;

    /// <summary>
    /// A young person whose token may only look and stop sharing: signed in with a credential that waits after a
    /// reset (API-v3 §2). Anything that widens what they share, or changes how they are reached, refuses them (403).
    /// </summary>
    public bool IsLimitedYouth => Role == Roles.Youth && Scope != YouthTokenScopes.Full;

    public static ProblemHttpResult Limited() => Problems.Forbidden(
        "You signed in with a new way to sign in that is still waiting. Until it takes effect you can look and stop sharing; sign in with your usual way to do more.");

    public bool IsWorkerOf(Guid agencyId) => Role == Roles.Worker && AgencyId == agencyId;
}
