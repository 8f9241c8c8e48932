namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The meetings of a young person's team (API-v3 §5): a case conference of the agencies around them, and the joint
/// first meeting of an accepted handoff, where the sender hands over with the receiver and the young person present.
/// </summary>
public static class MeetingKinds
{
    public const string CaseConference = "case-conference";
    public const string JointFirstMeeting = "joint-first-meeting";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(CaseConference, JointFirstMeeting);
}
