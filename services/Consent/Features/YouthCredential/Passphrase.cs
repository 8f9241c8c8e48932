using Microsoft.AspNetCore.Identity;

namespace ReferralNet.Consent.Features.YouthCredential;

/// <summary>
/// The young person's sign-in name and passphrase. The passphrase is stored only as ASP.NET Core Identity's slow
/// salted hash (PBKDF2 with HMAC-SHA512, 100 000 iterations, format v3).
/// </summary>
public static class Passphrase
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    public enum Check { Wrong, Right, RightButRehash }

    private static readonly PasswordHasher<object> Hasher = new();

    // Checked when the name is unknown, so that an unknown name takes as long to refuse as a wrong passphrase.
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(new object(), Guid.NewGuid().ToString()));

    public static string Hash(string passphrase) => Hasher.HashPassword(new object(), passphrase);

    public static Check Verify(string? hash, string passphrase) =>
        Hasher.VerifyHashedPassword(new object(), hash ?? Decoy.Value, passphrase) switch
        {
            _ when hash is null => Check.Wrong,
            PasswordVerificationResult.Success => Check.Right,
            PasswordVerificationResult.SuccessRehashNeeded => Check.RightButRehash,
            _ => Check.Wrong,
        };

    /// <summary>Sign-in names are compared in lower case: 'Yuki' and 'yuki' are one name.</summary>
    public static string? NormaliseName(string? signInName) => signInName?.Trim().ToLowerInvariant();

    public static ValidationErrors SignInName(this ValidationErrors errors, string? name) =>
        errors.Check(name is { Length: >= 3 and <= 40 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'),
            "signInName", "is 3 to 40 of the letters a-z, digits and . _ -");
}
