using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Consent.Features;

public sealed class ConsentOptions : IOptionsSection
{
    public static string Section => "Consent";

    /// <summary>Below this age a guardian gives consent (grantor 'guardian'); the network sets it.</summary>
    [Range(0, 25)]
    public int AgeOfSelfConsent { get; set; } = 15;

    /// <summary>How often consents past their validUntil are expired (and ConsentExpired sent).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ExpiryCheckEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Who is accountable for the data, as a consent receipt names it.</summary>
    [Required]
    public string Controller { get; set; } = "ReferralNet network of agencies";

    [Required]
    public string Jurisdiction { get; set; } = "JP";

    /// <summary>Failed sign-ins under one name before it is locked (API-v2: 5).</summary>
    [Range(1, 100)]
    public int SignInFailuresBeforeLock { get; set; } = 5;

    /// <summary>How long a name stays locked, and how long failures are remembered without a lock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInLockFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The relying party of the young person's passkeys: the web app's host name (WebAuthn refuses an IP address), so
    /// the passkeys work at that name and below it.
    /// </summary>
    [Required]
    public string PasskeyRelyingParty { get; set; } = "localhost";

    /// <summary>The web app's origins (scheme, host and port) a passkey may be made or used from.</summary>
    [MinLength(1)]
    public string[] PasskeyOrigins { get; set; } = [];
}
