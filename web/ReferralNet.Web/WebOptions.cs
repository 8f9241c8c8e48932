using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Web;

public sealed class WebOptions : IOptionsSection
{
    public static string Section => "Web";

    /// <summary>The gateway's address as this process reaches it: every call to the network goes through it, as any client's.</summary>
    [Required]
    public Uri Gateway { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>Development only: the sign-in page offers the demo network's users, with tokens of the gateway's development issuer.</summary>
    public bool DevSignIn { get; set; }

    /// <summary>
    /// Where the keys that encrypt the session cookie are kept, so a session outlives a restart and every instance reads
    /// every other's cookies. Empty: kept in memory (a restart signs everyone out).
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>How long a staff session lasts without a request (it never outlives its token).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan StaffSessionIdle { get; set; } = TimeSpan.FromHours(1);
}
