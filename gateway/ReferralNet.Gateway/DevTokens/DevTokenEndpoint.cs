namespace ReferralNet.Gateway.DevTokens;

public sealed record DevTokenRequest(string? Sub, string? Role, Guid? Agency, Guid? Person)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Required(Sub, "sub", 100)
        .Code(Role, Roles.All, "role")
        .Check(Role is not (Roles.Worker or Roles.AgencyAdmin) || Agency is not null, "agency", ErrorCodes.Required, $"is required for the role '{Role}'")
        .Check(Role is not Roles.Youth || Person is not null, "person", ErrorCodes.Required, $"is required for the role '{Roles.Youth}'");
}

public sealed record DevTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Test tokens for local development, signed with the development issuer's private key (Auth:Signing); every process
/// holds its public key. Mapped only when Gateway:DevTokens is on (otherwise the path does not exist: 404), and the
/// gateway refuses to start with it on outside the Development environment: a production gateway switched on by
/// mistake must not mint tokens.
/// </summary>
public static class DevTokenEndpoint
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static void MapDevTokens(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.DevTokens)
        {
            return;
        }
        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Gateway:DevTokens is on in the '{app.Environment.EnvironmentName}' environment; development tokens exist only in Development.");
        }
        if (!app.Services.GetRequiredService<TokenIssuer>().CanIssue)
        {
            throw new InvalidOperationException("Gateway:DevTokens is on but Auth:Signing (the development issuer's private key) is not set.");
        }
        app.MapPost("/dev/token", Issue).AllowAnonymous();
    }

    private static Results<Ok<DevTokenResponse>, ProblemHttpResult> Issue(DevTokenRequest request, TokenIssuer tokens)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        // A young person's development token may do what their own full token may.
        var scope = request.Role == Roles.Youth ? [new System.Security.Claims.Claim(ClaimNames.Scope, YouthTokenScopes.Full)] : Array.Empty<System.Security.Claims.Claim>();
        var (token, expiresAt) = tokens.Issue(request.Sub!, request.Role!, request.Agency, request.Person, Lifetime, scope);
        return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
    }
}
