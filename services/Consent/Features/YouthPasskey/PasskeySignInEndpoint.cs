using Fido2NetLib;
using Fido2NetLib.Objects;
using ReferralNet.Consent.Features.YouthReset;

namespace ReferralNet.Consent.Features.YouthPasskey;

/// <summary>
/// The young person signs in with their passkey, with nothing to type: the options ask for any passkey of this site
/// that the phone unlocks, and the passkey says whose it is: a full token, or a limited one for a passkey that still
/// waits after a reset. Each sign-in, and each passkey of theirs that did not verify, is in that person's access log.
/// An unknown or refused passkey is 401, as a wrong passphrase. A passkey cannot be guessed: no throttle.
/// </summary>
public static class PasskeySignInEndpoint
{
    public static void MapPasskeySignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/consent/youth/sign-in/passkey-options", AskAsync).AllowAnonymous()
            .WithName("AskPasskeySignIn").WithSummary("Starts a passkey sign-in: the challenge for the young person's authenticator");
        app.MapPost("/api/consent/youth/sign-in/passkey", AnswerAsync).AllowAnonymous()
            .WithName("SignInWithPasskey").WithSummary("Completes a passkey sign-in and issues a youth token");
    }

    private const string FindPasskey = """
        SELECT person_id AS PersonId, public_key AS PublicKey, sign_count AS SignCount, pending AS Pending
        FROM youth_passkeys WHERE credential_id = @CredentialId
        """;

    private const string PersonOfPasskey = "SELECT person_id FROM youth_passkeys WHERE credential_id = @CredentialId";

    private const string Count = "UPDATE youth_passkeys SET sign_count = @SignCount WHERE credential_id = @CredentialId";

    private static async Task<Results<Ok<PasskeyCeremony>, ProblemHttpResult>> AskAsync(
        IFido2 fido2, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
    {
        if (!tokens.CanIssue)
        {
            return YouthTokens.NotSetUp();
        }
        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        return TypedResults.Ok(await PasskeyCeremonies.StartAsync(database, personId: null, options.ToJson(), time.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<YouthTokenResponse>, ProblemHttpResult>> AnswerAsync(
        PasskeyAnswer request, IFido2 fido2, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (request.Read<AuthenticatorAssertionRawResponse>() is not { } assertion)
        {
            return PasskeyAnswer.NotACredential();
        }
        var now = time.GetUtcNow();
        if (await PasskeyCeremonies.TakeAsync(database, request.CeremonyId!.Value, personId: null, now, ct) is not { } asked)
        {
            return PasskeyAnswer.CeremonyEnded();
        }
        var credentialId = assertion.RawId ?? [];
        await SettleDueResetAsync(database, credentialId, now, ct);
        if (await database.QuerySingleOrDefaultAsync<StoredPasskey>(FindPasskey, new { CredentialId = credentialId }, ct) is not { } stored)
        {
            return NotSignedIn("This passkey is not known here: it may have been replaced. Sign in another way, or ask your worker for a new code.");
        }
        VerifyAssertionResult verified;
        try
        {
            verified = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = AssertionOptions.FromJson(asked),
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = (uint)stored.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(Passkeys.PersonOf(args.UserHandle) == stored.PersonId),
            }, ct);
        }
        catch (Exception e) when (e is Fido2VerificationException or FormatException or ArgumentException)
        {
            await using var refused = await database.BeginAsync(ct);
            await PersonAccessLog.RecordOwnAsync(refused, stored.PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passkey, AccessDecisions.Deny, now, ct);
            await refused.CommitAsync(ct);
            return NotSignedIn("The passkey did not verify. Try again, or sign in another way.");
        }
        await using var work = await database.BeginAsync(ct);
        await work.ExecuteAsync(Count, new { CredentialId = credentialId, SignCount = (long)verified.SignCount }, ct);
        await PersonAccessLog.RecordOwnAsync(work, stored.PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passkey, AccessDecisions.Permit, now, ct);
        var token = stored.Pending && await CredentialResets.FindAsync(work, stored.PersonId, ct) is { } reset
            ? YouthTokens.Limited(tokens, stored.PersonId, reset.RequestedAt)
            : YouthTokens.Full(tokens, stored.PersonId);
        await work.CommitAsync(ct);
        return TypedResults.Ok(token);
    }

    /// <summary>A reset of the passkey's person whose delay has passed is put into effect before the passkey is read.</summary>
    private static async Task SettleDueResetAsync(Database database, byte[] credentialId, DateTimeOffset now, CancellationToken ct)
    {
        if (await database.QuerySingleOrDefaultAsync<Guid?>(PersonOfPasskey, new { CredentialId = credentialId }, ct) is not { } personId)
        {
            return;
        }
        await using var work = await database.BeginAsync(ct);
        await CredentialResets.SettleDueAsync(work, personId, now, batch: 1, ct);
        await work.CommitAsync(ct);
    }

    private static ProblemHttpResult NotSignedIn(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.", detail: detail);

    private sealed class StoredPasskey
    {
        public Guid PersonId { get; init; }
        public byte[] PublicKey { get; init; } = [];
        public long SignCount { get; init; }
        public bool Pending { get; init; }
    }
}
