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

    /// <summary>
    /// zxcvbn's score a new passphrase needs (0–4): 3 is "safely unguessable" (about 10^8 guesses or more), which with
    /// the sign-in throttle takes a guesser far longer than the passphrase is used.
    /// </summary>
    public const int MinStrength = 3;

    /// <summary>A new passphrase must be long enough and hard to guess (not a word, a name, a pattern or the sign-in name).</summary>
    public static ValidationErrors NewPassphrase(this ValidationErrors errors, string? passphrase, string? signInName) =>
        passphrase is null || passphrase.Length > MaxLength ? errors
        : passphrase.Length < MinLength ? errors.Add("passphrase", ErrorCodes.TooShort, $"must be at least {MinLength} characters")
        : errors.Check(Zxcvbn.Zxcvbn.MatchPassword(passphrase, signInName is null ? [] : [signInName]).Score >= MinStrength,
            "passphrase", ErrorCodes.NotAllowed, "is easy to guess: use three or four words that mean something to you, like 'a quiet morning walk'");

    public static ValidationErrors SignInName(this ValidationErrors errors, string? name) =>
        errors.Check(name is { Length: >= 3 and <= 40 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'),
            "signInName", ErrorCodes.InvalidFormat, "is 3 to 40 of the letters a-z, digits and . _ -");
}
