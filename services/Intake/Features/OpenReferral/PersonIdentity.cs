using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReferralNet.Intake.Features.OpenReferral;

public sealed class IdentityOptions : IOptionsSection
{
    public static string Section => "Identity";

    /// <summary>The network's secret for the identity key HMAC. Rotating it means re-keying every person.</summary>
    [Required, MinLength(32)]
    public string KeySecret { get; set; } = "";
}

/// <summary>
/// Turns a name and birth date into the key that finds the same person however an agency typed them: Unicode NFKC
/// (full-width letters → half-width, half-width katakana → full-width), katakana folded to hiragana, case folded,
/// spaces and middle dots removed, then HMAC-SHA256 with the network's secret.
/// </summary>
public sealed class PersonIdentity(IOptions<IdentityOptions> options)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.KeySecret);

    public string KeyOf(string familyName, string givenName, DateOnly birthDate)
    {
        var text = $"{Normalise(familyName)}|{Normalise(givenName)}|{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Keyed hashes of a person's contact channels (an e-mail address in lower case, a phone number's digits, a LINE id),
    /// so that two records can be compared by channel without comparing the addresses themselves.
    /// </summary>
    public string[] ContactKeysOf(string? email, string? phone, string? line)
    {
        string? Key(string channel, string? value) => string.IsNullOrWhiteSpace(value) ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{channel}|{value}")));
        var digits = phone is null ? null : new string(phone.Where(char.IsAsciiDigit).ToArray());
        return new[] { Key(ContactChannels.Email, email?.Trim().ToLowerInvariant()), Key(ContactChannels.Phone, digits), Key(ContactChannels.Line, line?.Trim().ToLowerInvariant()) }
            .OfType<string>().ToArray();
    }

    public static string Normalise(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c is not ('・' or '·' or '･'))
            {
                kept.Append(HiraganaOf(c));
            }
        }
        return kept.ToString();
    }

    // Katakana ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana; ー and the rare ヷ–ヺ have none and stay.
    private static char HiraganaOf(char c) => c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;
}
