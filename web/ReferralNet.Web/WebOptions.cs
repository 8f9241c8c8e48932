using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Web;

public sealed class WebOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Web";

    /// <summary>The gateway's address as this process reaches it: every call to the network goes through it, as any client's.</summary>
    [Required]
    public Uri Gateway { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>Who runs this network: named in every page's footer and in the privacy notice.</summary>
    [Required]
    public string OperatorName { get; set; } = "ReferralNet";

    /// <summary>Where anyone writes about the service or about their data (the footer and the privacy notice).</summary>
    [Required, EmailAddress]
    public string OperatorEmail { get; set; } = "privacy@referralnet.example";

    /// <summary>Development only: the sign-in page offers the demo network's users, with tokens of the gateway's development issuer.</summary>
    public bool DevSignIn { get; set; }

    /// <summary>
    /// The network's intake desk (Intake:DeskAgencyId): named on pages where the directory does not list it, and with
    /// <see cref="DevSignIn"/> its worker is offered by the sign-in.
    /// </summary>
    public Guid? DeskAgencyId { get; set; }

    /// <summary>
    /// A folder for the keys that encrypt the session cookie, so a session outlives a restart and every instance reads
    /// every other's cookies. Empty: they are kept in the web app's database (<see cref="Session.DatabaseKeyRing"/>).
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// A folder of certificates (PEM files, as a mounted secret) that keep those keys encrypted where they are stored
    /// (<see cref="Session.KeyProtectionCertificates"/>). Empty: they are stored as they are.
    /// </summary>
    public string? KeyProtectionFolder { get; set; }

    /// <summary>
    /// Staff sign-in in production: the OpenID Connect provider of the network's staff. The access token it gives is
    /// the session's token, so it must be one the gateway trusts (Auth:Issuers) with the role and agency claims the
    /// network reads. Unset: no such sign-in is offered.
    /// </summary>
    public Uri? OidcAuthority { get; set; }

    public string? OidcClientId { get; set; }

    public string? OidcClientSecret { get; set; }

    /// <summary>The scopes asked for, space-separated (the provider's scope for the network's API among them).</summary>
    public string OidcScopes { get; set; } = "openid profile";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyProtectionFolder is { Length: > 0 } folder && Session.KeyProtectionCertificates.Read(folder).Problem is { } problem)
        {
            yield return new ValidationResult($"Web:KeyProtectionFolder: {problem}", [nameof(KeyProtectionFolder)]);
        }
    }
}
