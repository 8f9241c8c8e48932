using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Whose tokens this process accepts (<see cref="Issuers"/>: public keys only, or one OpenID Connect authority), and,
/// in an issuing process only, the private key it signs with (<see cref="Signing"/>: the gateway's development issuer,
/// the consent service's youth issuer). Tokens are ES256 with a <c>kid</c>; nothing else is accepted.
/// </summary>
public sealed class AuthOptions : IValidatableObject, IOptionsSection
{
    public static string Section => "Auth";

    [Required]
    public string Audience { get; set; } = "referralnet";

    public List<TrustedIssuer> Issuers { get; set; } = [];

    public SigningKey? Signing { get; set; }

    /// <summary>How old the keys read from folders (<see cref="KeyFolder"/>) get at most before they are read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReadKeysEvery { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Issuers.Count == 0)
        {
            yield return new ValidationResult("Set Auth:Issuers: the issuers whose tokens this process accepts.", [nameof(Issuers)]);
        }
        foreach (var (issuer, i) in Issuers.Select((issuer, i) => (issuer, i)))
        {
            var hasKeys = issuer.Keys.Count > 0 || issuer.KeysFolder is not null;
            if (string.IsNullOrWhiteSpace(issuer.Issuer) || (issuer.Authority is null) != hasKeys)
            {
                yield return new ValidationResult(
                    $"Auth:Issuers:{i} needs an Issuer and either an Authority (OpenID Connect) or public keys (Keys, KeysFolder), not both.", [nameof(Issuers)]);
            }
            if (issuer.KeysFolder is { } folder && KeyFolder.PublicKeys(folder).Problem is { } problem)
            {
                yield return new ValidationResult($"Auth:Issuers:{i}:KeysFolder: {problem}", [nameof(Issuers)]);
            }
            if (issuer.Keys.Any(k => string.IsNullOrWhiteSpace(k.Kid) || k.Read() is null))
            {
                yield return new ValidationResult(
                    $"Auth:Issuers:{i}:Keys need a Kid and an EC P-256 public key (Spki: base64 SubjectPublicKeyInfo).", [nameof(Issuers)]);
            }
        }
        if (Issuers.Count(i => i.Authority is not null) > 1)
        {
            yield return new ValidationResult("At most one issuer may be an OpenID Connect Authority.", [nameof(Issuers)]);
        }
        if (Signing is { Folder: { } signingFolder } && KeyFolder.SigningKey(signingFolder).Problem is { } signingProblem)
        {
            yield return new ValidationResult($"Auth:Signing:Folder: {signingProblem}", [nameof(Signing)]);
        }
        else if (Signing is { } signing && (string.IsNullOrWhiteSpace(signing.Issuer)
            || (signing.Folder is null && (string.IsNullOrWhiteSpace(signing.Kid) || signing.Read() is null))))
        {
            yield return new ValidationResult(
                "Auth:Signing needs an Issuer and either a Folder (its key in a file 'pkcs8') or a Kid and an EC P-256 private key (Pkcs8: base64 PKCS#8).", [nameof(Signing)]);
        }
    }
}

/// <summary>An issuer this process trusts, and the roles its tokens may carry (none listed: any role).</summary>
public sealed class TrustedIssuer
{
    public string Issuer { get; set; } = "";

    public string? Authority { get; set; }

    public List<PublicKey> Keys { get; set; } = [];

    /// <summary>A folder of the issuer's public keys (<see cref="KeyFolder"/>), read again while the process runs.</summary>
    public string? KeysFolder { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>One of an issuer's public keys, by its key id: base64 SubjectPublicKeyInfo of an EC P-256 key.</summary>
public sealed class PublicKey
{
    public string Kid { get; set; } = "";

    public string Spki { get; set; } = "";

    public ECDsaSecurityKey? Read() => P256.Import(Kid, ecdsa => ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(Spki), out _));
}

/// <summary>
/// The private key of an issuing process, as base64 PKCS#8 of an EC P-256 key (kept out of every other process), or the
/// folder it is in (<see cref="KeyFolder"/>), read again while the process runs.
/// </summary>
public sealed class SigningKey
{
    public string Issuer { get; set; } = "";

    public string? Folder { get; set; }

    public string Kid { get; set; } = "";

    public string Pkcs8 { get; set; } = "";

    public ECDsaSecurityKey? Read() => P256.Import(Kid, ecdsa => ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(Pkcs8), out _));
}

internal static class P256
{
    /// <summary>The key, or null when the text is not an EC P-256 key.</summary>
    public static ECDsaSecurityKey? Import(string kid, Action<ECDsa> import)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            import(ecdsa);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            ecdsa.Dispose();
            return null;
        }
        var curve = ecdsa.ExportParameters(false).Curve;
        if (!curve.IsNamed || !(curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256"))
        {
            ecdsa.Dispose();
            return null;
        }
        return new ECDsaSecurityKey(ecdsa) { KeyId = kid };
    }
}
