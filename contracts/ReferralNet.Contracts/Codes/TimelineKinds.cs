namespace ReferralNet.Contracts.Codes;

/// <summary>What an entry of a case's timeline records.</summary>
public static class TimelineKinds
{
    public const string CaseOpened = "case-opened";
    public const string ReferralSubmitted = "referral-submitted";
    public const string StatusChanged = "status-changed";
    public const string CaseMerged = "case-merged";
    public const string CaseClosed = "case-closed";
    public const string LeadChanged = "lead-changed";
    public const string ConsentGranted = "consent-granted";
    public const string ConsentRevoked = "consent-revoked";
    public const string ConsentExpired = "consent-expired";
    public const string HandoffOffered = "handoff-offered";
    public const string HandoffAccepted = "handoff-accepted";
    public const string HandoffDeclined = "handoff-declined";
    public const string HandoffExpired = "handoff-expired";
    public const string HandoffWithdrawn = "handoff-withdrawn";
    public const string HandoffConnected = "handoff-connected";

    /// <summary>First contact at the handoff's joint first meeting: the sender handed over in person, with the young person there.</summary>
    public const string HandoffConnectedAtJointMeeting = "handoff-connected-at-joint-meeting";
    public const string HandoffCompleted = "handoff-completed";
    public const string CaseEscalated = "case-escalated";
    public const string AdmissionRequested = "admission-requested";
    public const string MemberAdmitted = "member-admitted";
    public const string AdmissionDeclined = "admission-declined";
    public const string MemberRemoved = "member-removed";
    public const string KeyPersonNamed = "key-person-named";
    public const string KeyPersonChangeRequested = "key-person-change-requested";
    public const string CaseReopened = "case-reopened";
    public const string FollowUpRecorded = "follow-up-recorded";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        CaseOpened, ReferralSubmitted, StatusChanged, CaseMerged, CaseClosed, LeadChanged, ConsentGranted,
        ConsentRevoked, ConsentExpired, HandoffOffered, HandoffAccepted, HandoffDeclined, HandoffExpired,
        HandoffWithdrawn, HandoffConnected, HandoffConnectedAtJointMeeting, HandoffCompleted, CaseEscalated, AdmissionRequested, MemberAdmitted,
        AdmissionDeclined, MemberRemoved, KeyPersonNamed, KeyPersonChangeRequested, CaseReopened, FollowUpRecorded);
}
