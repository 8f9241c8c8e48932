using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ReferralNet.BuildingBlocks.Auth;

namespace ReferralNet.Testing;

/// <summary>
/// The two issuers of a test network, as the run script sets them up: the gateway's development issuer (any role) and
/// the consent service's youth issuer (the young person's roles only), each with a key made for this test run.
/// </summary>
public static class TestIssuers
{
    public const string Development = "referralnet-dev";
    public const string Youth = "referralnet-youth";

    public static readonly ECDsaSecurityKey DevelopmentKey = NewKey("dev-test");
    public static readonly ECDsaSecurityKey YouthKey = NewKey("youth-test");

    /// <summary>What every process is told: whose tokens to accept, with public keys only.</summary>
    public static IReadOnlyDictionary<string, string?> Trusted { get; } = new Dictionary<string, string?>
    {
        ["Auth:Issuers:0:Issuer"] = Development,
        ["Auth:Issuers:0:Keys:0:Kid"] = DevelopmentKey.KeyId,
        ["Auth:Issuers:0:Keys:0:Spki"] = Convert.ToBase64String(DevelopmentKey.ECDsa.ExportSubjectPublicKeyInfo()),
        ["Auth:Issuers:1:Issuer"] = Youth,
        ["Auth:Issuers:1:Roles:0"] = Roles.Youth,
        ["Auth:Issuers:1:Roles:1"] = Roles.YouthEnrolment,
        ["Auth:Issuers:1:Keys:0:Kid"] = YouthKey.KeyId,
        ["Auth:Issuers:1:Keys:0:Spki"] = Convert.ToBase64String(YouthKey.ECDsa.ExportSubjectPublicKeyInfo()),
    };

    /// <summary>What an issuing process is told besides: its private key.</summary>
    public static IReadOnlyDictionary<string, string?> Signing(string issuer, ECDsaSecurityKey key) => new Dictionary<string, string?>
    {
        ["Auth:Signing:Issuer"] = issuer,
        ["Auth:Signing:Kid"] = key.KeyId,
        ["Auth:Signing:Pkcs8"] = Convert.ToBase64String(key.ECDsa.ExportPkcs8PrivateKey()),
    };

    public static ECDsaSecurityKey NewKey(string kid) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = kid };
}
