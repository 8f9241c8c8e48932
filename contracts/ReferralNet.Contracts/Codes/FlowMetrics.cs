namespace ReferralNet.Contracts.Codes;

/// <summary>The counts insights keeps per day and agency (API.md, "Insights"; API-v3 §4 for the plan's).</summary>
public static class FlowMetrics
{
    public const string ReferralsOpened = "referrals-opened";
    public const string CasesOpened = "cases-opened";
    public const string MatchesProposed = "matches-proposed";
    public const string Offers = "offers";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    /// <summary>Declined or expired: an offer between two agencies that did not go on (the flow cells).</summary>
    public const string Passes = "passes";
    public const string Withdrawn = "withdrawn";
    public const string Connected = "connected";
    public const string Completed = "completed";
    public const string Escalations = "escalations";
    public const string ConsentsGranted = "consents-granted";
    public const string ConsentsRevoked = "consents-revoked";
    public const string ConsentsExpired = "consents-expired";

    /// <summary>A step of a support plan started or done (API-v3 §4).</summary>
    public const string StepsForward = "steps-forward";

    /// <summary>A step of a support plan stepped back: counted beside the steps forward, never as a failure.</summary>
    public const string StepsBack = "steps-back";
    public const string ReviewsOnTime = "reviews-on-time";
    public const string ReviewsLate = "reviews-late";

    /// <summary>A follow-up after closing, by its result: <c>follow-ups-</c> and a code of FollowUpResults.</summary>
    public static string FollowUps(string result) => $"follow-ups-{result}";

    /// <summary>Case conferences and joint first meetings held (their minutes written), API-v3 §5.</summary>
    public const string ConferencesHeld = "conferences-held";
    public const string JointMeetingsHeld = "joint-meetings-held";

    /// <summary>Actions of meetings said done by the end of their day, or later.</summary>
    public const string MeetingActionsOnTime = "meeting-actions-on-time";
    public const string MeetingActionsLate = "meeting-actions-late";

    public const string SupportMeetingsPrefix = "support-meetings-";

    /// <summary>A council's support meetings: <c>support-meetings-</c> and the council's id (32 hex digits).</summary>
    public static string SupportMeetings(Guid councilId) => $"{SupportMeetingsPrefix}{councilId:N}";
}
