namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The meetings about a young person (API-v3 §5): a case conference of the agencies around them, the joint first
/// meeting of an accepted handoff, where the sender hands over with the receiver and the young person present, and a
/// statutory council's support meeting, which may be held before they have agreed to anything.
/// </summary>
public static class MeetingKinds
{
    public const string CaseConference = "case-conference";
    public const string JointFirstMeeting = "joint-first-meeting";
    public const string SupportMeeting = "support-meeting";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(CaseConference, JointFirstMeeting, SupportMeeting);

    /// <summary>What a team schedules itself (a support meeting is convened by a council's coordinator).</summary>
    public static readonly IReadOnlySet<string> OfTeams = CodeSet.Of(CaseConference, JointFirstMeeting);
}

/// <summary>
/// Where a meeting's time stands. A case conference is scheduled by a member; a joint first meeting is proposed by the
/// sending agency, confirmed by the receiving one, and moved (proposed again) when the young person asks.
/// </summary>
public static class MeetingStatuses
{
    public const string Scheduled = "scheduled";
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
    public const string MoveRequested = "move-requested";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Scheduled, Proposed, Confirmed, MoveRequested);
}
