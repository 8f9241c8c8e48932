using System.Security.Cryptography;
using System.Text;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// The one-time code a young person uses to reach their consent page: 12 characters from an alphabet without look-alikes
/// (60 random bits), shown as XXXX-XXXX-XXXX. Only its SHA-256 is ever stored or sent.
/// </summary>
public static class YouthAccessCode
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>The hash of a code as typed: case and dashes or spaces do not matter.</summary>
    public static string HashOf(string code)
    {
        var normalised = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));
    }
}
