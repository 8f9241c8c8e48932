using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ReferralNet.Web.Session;

/// <summary>
/// The certificates that keep the Data Protection key ring encrypted where it is stored (<c>Web:KeyProtectionFolder</c>:
/// a mounted secret of PEM files, a certificate and its RSA private key each), so that the web app's database, and its
/// backups, hold no key that opens a session cookie. Any of them decrypts a key; a new key is encrypted with the newest
/// one already valid, so a certificate added before its start date is known to every instance before any uses it
/// (docs/operations.md, "Rotating keys").
/// </summary>
public sealed class KeyProtectionCertificates
{
    private KeyProtectionCertificates(IReadOnlyList<X509Certificate2> all) => All = all;

    public IReadOnlyList<X509Certificate2> All { get; }

    /// <summary>The certificates of the folder, or why it has none to use.</summary>
    public static (KeyProtectionCertificates? Certificates, string? Problem) Read(string folder)
    {
        try
        {
            var all = new List<X509Certificate2>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal))
            {
                var pem = File.ReadAllText(file);
                var certificate = X509Certificate2.CreateFromPem(pem, pem);
                if (certificate.GetRSAPrivateKey() is null)
                {
                    return (null, $"{file} holds no RSA key: XML encryption of the key ring needs an RSA certificate.");
                }
                all.Add(certificate);
            }
            return all.Count > 0 ? (new KeyProtectionCertificates(all), null) : (null, $"{folder} holds no certificate (a file <name>.pem).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return (null, $"{folder}: a file could not be read as a PEM certificate with its private key ({e.GetType().Name}).");
        }
    }

    /// <summary>The newest certificate already valid at <paramref name="now"/> (or, before any is, the earliest).</summary>
    public X509Certificate2 Current(DateTimeOffset now) =>
        All.Where(c => c.NotBefore <= now && now < c.NotAfter).MaxBy(c => c.NotBefore) ?? All.MinBy(c => c.NotBefore)!;

    /// <summary>Encrypts each new key with the certificate current at the time; Data Protection decrypts it with any of <see cref="All"/>.</summary>
    public sealed class Encryptor(KeyProtectionCertificates certificates, TimeProvider time, ILoggerFactory logs) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new CertificateXmlEncryptor(certificates.Current(time.GetUtcNow()), logs).Encrypt(plaintextElement);
    }
}
