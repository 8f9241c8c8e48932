using Fido2NetLib;
using Fido2NetLib.Objects;
using ReferralNet.Consent.Features.YouthCredential;

namespace ReferralNet.Consent.Features.YouthPasskey;

/// <summary>
/// With the enrolment token a code gave, the young person makes a passkey instead of choosing a sign-in name and
/// passphrase: first the options for their browser, then its answer, which gives them their token. The passkey
/// replaces their credential, at once or after a reset's wait, as <see cref="YouthCredentials"/> says.
/// </summary>
public static class PasskeyEnrolmentEndpoint
{
    public static void MapPasskeyEnrolment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/consent/youth/credential/passkey-options", AskAsync).RequireAuthorization(Policies.YouthEnrolment)
            .WithName("AskPasskeyEnrolment").WithSummary("Starts registering a passkey: the options for the young person's authenticator");
        app.MapPost("/api/consent/youth/credential/passkey", AnswerAsync).RequireAuthorization(Policies.YouthEnrolment)
            .WithName("EnrolPasskey").WithSummary("Registers the young person's passkey");
    }

    private const string IsKnown = "SELECT EXISTS (SELECT 1 FROM youth_passkeys WHERE credential_id = @CredentialId)";

    private const string StorePasskey = """
        INSERT INTO youth_passkeys (credential_id, person_id, public_key, sign_count, set_at, pending)
        VALUES (@CredentialId, @PersonId, @PublicKey, @SignCount, @Now, @Pending)
        """;

    private static async Task<Results<Ok<PasskeyCeremony>, ProblemHttpResult>> AskAsync(
        Caller caller, HttpContext http, IFido2 fido2, Database database, TimeProvider time, CancellationToken ct)
    {
        var personId = caller.PersonId!.Value;
        // Asked first, so that no phone makes a passkey this code can no longer store.
        if (!await YouthCredentials.MayChooseAsync(database, personId, YouthTokens.CodeIssuedAt(http.User), ct))
        {
            return YouthCredentials.AlreadyChosen();
        }
        var options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = Passkeys.UserOf(personId),
            // A passkey the phone keeps and unlocks (a fingerprint, a face or its PIN): nothing to type at sign-in.
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return TypedResults.Ok(await PasskeyCeremonies.StartAsync(database, personId, options.ToJson(), time.GetUtcNow(), ct));
    }

    private static async Task<Results<Created<YouthTokenResponse>, ProblemHttpResult>> AnswerAsync(
        PasskeyAnswer request, Caller caller, HttpContext http, IFido2 fido2, Database database, TokenIssuer tokens,
        IOptions<ConsentOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (request.Read<AuthenticatorAttestationRawResponse>() is not { } attestation)
        {
            return PasskeyAnswer.NotACredential();
        }
        var personId = caller.PersonId!.Value;
        var now = time.GetUtcNow();
        if (await PasskeyCeremonies.TakeAsync(database, request.CeremonyId!.Value, personId, now, ct) is not { } asked)
        {
            return PasskeyAnswer.CeremonyEnded();
        }
        RegisteredPublicKeyCredential passkey;
        try
        {
            passkey = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = attestation,
                OriginalOptions = CredentialCreateOptions.FromJson(asked),
                IsCredentialIdUniqueToUserCallback = async (args, ct) =>
                    !await database.QuerySingleOrDefaultAsync<bool>(IsKnown, new { args.CredentialId }, ct),
            }, ct);
        }
        catch (Exception e) when (e is Fido2VerificationException or FormatException or ArgumentException)
        {
            return Refused(e);
        }

        await using var work = await database.BeginAsync(ct);
        if (await YouthCredentials.ChooseAsync(work, personId, ConsentRecords.Passkey, YouthTokens.CodeIssuedAt(http.User), now,
                options.Value.ResetDelay, ct) is not { } choice)
        {
            return YouthCredentials.AlreadyChosen();
        }
        await work.ExecuteAsync(StorePasskey, new
        {
            CredentialId = passkey.Id, PersonId = personId, passkey.PublicKey, SignCount = (long)passkey.SignCount, Now = now, choice.Pending,
        }, ct);
        await YouthCredentials.RecordAsync(work, personId, choice, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created("/api/consent/youth/sign-in/passkey", YouthCredentials.TokenFor(tokens, personId, choice, now));
    }

    /// <summary>The library's reason names what did not verify (origin, challenge, signature), never the person.</summary>
    internal static ProblemHttpResult Refused(Exception e) =>
        new ValidationErrors().Add("credential", ErrorCodes.NotAllowed, $"did not verify: {e.Message}").ToProblem();
}
