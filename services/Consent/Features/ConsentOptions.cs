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

    /// <summary>Wrong passphrases for one name from one client before each next try waits (1 s, 2 s, 4 s, … doubling).</summary>
    [Range(1, 100)]
    public int SignInFreeTries { get; set; } = 3;

    /// <summary>
    /// Wrong passphrases for one name from all clients together before every client that never signed in with it
    /// waits too (a guesser spread over many addresses); a client that signed in with the name before does not.
    /// </summary>
    [Range(1, 10_000)]
    public int SignInFreeTriesPerName { get; set; } = 20;

    /// <summary>The longest wait between tries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInLongestWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long wrong tries are remembered after the last one, and a client that signed in is known.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "400.00:00:00")]
    public TimeSpan SignInRememberFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a client that signed in with a name is let past the name's wait.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "400.00:00:00")]
    public TimeSpan SignInKnownClientFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Names an enrolment may be told are taken before it needs a new code: "taken" is no cheap oracle.</summary>
    [Range(1, 100)]
    public int TakenNamesPerCode { get; set; } = 10;

    /// <summary>How long a credential chosen with a reset code waits before it replaces the current one (API-v3 §2).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ResetDelay { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How often waiting resets whose delay has passed are put into effect.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ResetCheckEvery { get; set; } = TimeSpan.FromMinutes(1);

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
