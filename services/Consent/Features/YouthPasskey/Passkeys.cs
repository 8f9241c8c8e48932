using System.Text.Json;
using Fido2NetLib;

namespace ReferralNet.Consent.Features.YouthPasskey;

/// <summary>
/// The young person's passkeys (WebAuthn, with the Fido2 library): the relying party is the web app's host name, and
/// a ceremony is answered only from its origins (Consent:PasskeyOrigins).
/// </summary>
public static class Passkeys
{
    /// <summary>How long a young person has between being asked for a passkey and giving it.</summary>
    public static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddPasskeys(this IServiceCollection services) =>
        services.AddSingleton<IFido2>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConsentOptions>>().Value;
            return new Fido2(new Fido2Configuration
            {
                RPID = options.PasskeyRelyingParty,
                RPName = "ReferralNet",
                Origins = options.PasskeyOrigins.ToHashSet(StringComparer.Ordinal),
                Timeout = (uint)CeremonyLifetime.TotalMilliseconds,
            });
        });

    /// <summary>
    /// Who a passkey is for, as the phone keeps it: the person's id as the user handle, and no name (ReferralNet keeps
    /// none; the phone shows the site's name beside it).
    /// </summary>
    public static Fido2User UserOf(Guid personId) => new() { Id = personId.ToByteArray(), Name = "ReferralNet", DisplayName = "ReferralNet" };

    public static Guid? PersonOf(byte[]? userHandle) => userHandle is { Length: 16 } ? new Guid(userHandle) : null;
}

/// <summary>A ceremony's options for the browser (its <c>navigator.credentials</c> call) and the id to answer it with.</summary>
public sealed record PasskeyCeremony(Guid CeremonyId, JsonElement Options);

/// <summary>The browser's answer to a ceremony: the PublicKeyCredential as JSON (WebAuthn's toJSON form).</summary>
public sealed record PasskeyAnswer(Guid? CeremonyId, JsonElement? Credential)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Check(CeremonyId is not null, "ceremonyId", ErrorCodes.Required, "is required")
        .Check(Credential is { ValueKind: JsonValueKind.Object }, "credential", ErrorCodes.Required, "is required: the browser's PublicKeyCredential as JSON");

    /// <summary>The credential as Fido2 reads it; null when it is not one.</summary>
    public T? Read<T>() where T : class
    {
        try
        {
            return Credential!.Value.Deserialize<T>();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static ProblemHttpResult NotACredential() => new ValidationErrors().Add("credential", ErrorCodes.InvalidFormat, "is not a WebAuthn credential").ToProblem();

    public static ProblemHttpResult CeremonyEnded() =>
        Problems.Conflict("This passkey request has ended (it is answered once, within five minutes). Start again.");
}

/// <summary>
/// A ceremony's options kept between asking and answering: the answer must come back once, before it expires, and is
/// checked against the options it was asked with (their challenge, the person enrolling).
/// </summary>
public static class PasskeyCeremonies
{
    // Expired ceremonies go as new ones come, so the table holds about five minutes of them.
    private const string Start = """
        DELETE FROM passkey_ceremonies WHERE expires_at < @Now;
        INSERT INTO passkey_ceremonies (ceremony_id, person_id, options, expires_at) VALUES (@Id, @PersonId, @Options, @ExpiresAt)
        """;

    private const string Take = """
        DELETE FROM passkey_ceremonies
        WHERE ceremony_id = @Id AND person_id IS NOT DISTINCT FROM @PersonId AND expires_at > @Now
        RETURNING options
        """;

    public static async Task<PasskeyCeremony> StartAsync(Database database, Guid? personId, string options, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await database.ExecuteAsync(Start, new { Id = id, PersonId = personId, Options = options, Now = now, ExpiresAt = now + Passkeys.CeremonyLifetime }, ct);
        using var json = JsonDocument.Parse(options);
        return new PasskeyCeremony(id, json.RootElement.Clone());
    }

    /// <summary>The ceremony's options, taken so that it cannot be answered twice; null when there is none to answer.</summary>
    public static Task<string?> TakeAsync(Database database, Guid id, Guid? personId, DateTimeOffset now, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<string>(Take, new { Id = id, PersonId = personId, Now = now }, ct);
}
