using System.Security.Claims;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>Who is calling, from the validated token: a user id, a role, and the agency or person the role is tied to.</summary>
public sealed record Caller(string UserId, string Role, Guid? AgencyId, Guid? PersonId)
{
    /// <summary>Binds a handler's <c>Caller caller</c> parameter from the validated token, as minimal APIs call it.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http) => ValueTask.FromResult<Caller?>(From(http.User));

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Subject) ?? "",
        user.FindFirstValue(ClaimNames.Role) ?? "",
        Guid.TryParse(user.FindFirstValue(ClaimNames.Agency), out var agency) ? agency : null,
        Guid.TryParse(user.FindFirstValue(ClaimNames.Person), out var person) ? person : null);

    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsAuditor => Role == Roles.Auditor;

    public bool IsYouth(Guid personId) => Role == Roles.Youth && PersonId == personId;

    public bool IsWorkerOf(Guid agencyId) => Role == Roles.Worker && AgencyId == agencyId;
}
