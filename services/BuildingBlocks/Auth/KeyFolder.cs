using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// An issuer's keys as files in a folder, the way a Kubernetes secret is mounted: public keys one file each, named
/// <c>&lt;anything&gt;.spki</c> (base64 SubjectPublicKeyInfo); the signing key one file, <c>pkcs8</c> (base64 PKCS#8). A key's
/// id is its JWK thumbprint (RFC 7638), not a name beside it: a file is read in one go, so a key and its id can never
/// be read from two versions of a secret being replaced.
/// </summary>
public static class KeyFolder
{
    public const string PublicKeyExtension = ".spki";
    public const string SigningKeyFile = "pkcs8";

    /// <summary>The folder's public keys, or why there are none to use (a file that is not a key is named, never shown).</summary>
    public static (IReadOnlyList<ECDsaSecurityKey> Keys, string? Problem) PublicKeys(string folder)
    {
        try
        {
            var keys = new List<ECDsaSecurityKey>();
            foreach (var file in Directory.EnumerateFiles(folder, "*" + PublicKeyExtension).Order(StringComparer.Ordinal))
            {
                if (P256.Import("", ecdsa => ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(File.ReadAllText(file).Trim()), out _)) is not { } key)
                {
                    return ([], $"{file} is not an EC P-256 public key (base64 SubjectPublicKeyInfo).");
                }
                keys.Add(Named(key));
            }
            return keys.Count > 0 ? (keys, null) : ([], $"{folder} holds no public key (a file <name>{PublicKeyExtension}).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"{folder} could not be read: {e.GetType().Name}.");
        }
    }

    /// <summary>The folder's signing key, or why there is none to use.</summary>
    public static (ECDsaSecurityKey? Key, string? Problem) SigningKey(string folder)
    {
        var file = Path.Combine(folder, SigningKeyFile);
        try
        {
            return P256.Import("", ecdsa => ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(File.ReadAllText(file).Trim()), out _)) is { } key
                ? (Named(key), null)
                : (null, $"{file} is not an EC P-256 private key (base64 PKCS#8).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{file} could not be read: {e.GetType().Name}.");
        }
    }

    /// <summary>The key's id: its JWK thumbprint, base64url.</summary>
    public static string KeyId(ECDsaSecurityKey key) => Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());

    private static ECDsaSecurityKey Named(ECDsaSecurityKey key)
    {
        key.KeyId = KeyId(key);
        return key;
    }
}
