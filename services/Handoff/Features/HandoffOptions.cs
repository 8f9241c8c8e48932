using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Handoff.Features;

public sealed class HandoffOptions : IOptionsSection
{
    public static string Section => "Handoff";

    /// <summary>How long a receiving agency has to answer an offer before it expires and counts as a pass.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RespondWithin { get; set; } = TimeSpan.FromDays(3);
}
