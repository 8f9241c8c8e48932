namespace ReferralNet.Web.Text;

/// <summary>
/// The team's meetings (API-v3 §5) in words: the worker's, short and professional; the young person's, plain and calm,
/// saying when and where and that asking for another time is fine.
/// </summary>
public sealed partial class MeetingTexts
{
    // The worker's
    public required string Meetings { get; init; }
    public required string MeetingsText { get; init; }
    public required string NoMeetings { get; init; }
    public required string Meeting { get; init; }
    public required string ScheduleConference { get; init; }
    public required string ProposeJointMeeting { get; init; }
    public required string JointMeetingWith { get; init; }
    public required string Date { get; init; }
    public required string Time { get; init; }
    public required string When { get; init; }
    public required string Place { get; init; }
    public required string PlaceHint { get; init; }
    public required string OnlineUrl { get; init; }
    public required string Attendees { get; init; }
    public required string AttendeesHint { get; init; }
    public required string YouthInvited { get; init; }
    public required string YouthIsInvited { get; init; }
    public required string YouthNotInvited { get; init; }
    public required string Agenda { get; init; }
    public required string Schedule { get; init; }
    public required string Propose { get; init; }
    public required string Scheduled { get; init; }
    public required string Minutes { get; init; }
    public required string NoMinutes { get; init; }
    public required string Decisions { get; init; }
    public required string DecisionsHint { get; init; }
    public required string Actions { get; init; }
    public required string ActionsHint { get; init; }
    public required string Action { get; init; }
    public required string ActionAgency { get; init; }
    public required string ActionWhat { get; init; }
    public required string ActionDue { get; init; }
    public required string WriteMinutes { get; init; }
    public required string MinutesSaved { get; init; }
    public required string MarkDone { get; init; }
    public required string DoneOn { get; init; }
    public required string ActionDone { get; init; }
    public required string Confirm { get; init; }
    public required string ConfirmText { get; init; }
    public required string MeetingConfirmed { get; init; }
    public required string NewTime { get; init; }
    public required string GiveNewTime { get; init; }
    public required string MeetingMoved { get; init; }
    public required string YoungPersonAsked { get; init; }
    public required string NotSharedNotes { get; init; }
    public required string WhoDoesWhat { get; init; }
    public required IReadOnlyDictionary<string, string> Kinds { get; init; }
    public required IReadOnlyDictionary<string, string> Statuses { get; init; }

    // Councils: the coordinator's and the attending worker's
    public required string Councils { get; init; }
    public required string CouncilsText { get; init; }
    public required string NoCouncils { get; init; }
    public required string RegisterCouncil { get; init; }
    public required string CouncilName { get; init; }
    public required string LegalBasis { get; init; }
    public required string Members { get; init; }
    public required string MembersHint { get; init; }
    public required string Register { get; init; }
    public required string CouncilRegistered { get; init; }
    public required string BoundSince { get; init; }
    public required string Convene { get; init; }
    public required string ChangeMembers { get; init; }
    public required string MembersChanged { get; init; }
    public required string ConveneText { get; init; }
    public required string Reference { get; init; }
    public required string ReferenceHint { get; init; }
    public required string Convened { get; init; }
    public required string ConvenedMeetings { get; init; }
    public required string SupportMeetings { get; init; }
    public required string SupportMeetingsText { get; init; }
    public required string NoSupportMeetings { get; init; }
    public required string AboutCase { get; init; }
    public required string AboutReference { get; init; }
    public required string LinkCase { get; init; }
    public required string LinkCaseHint { get; init; }
    public required string CaseReference { get; init; }
    public required string CaseLinked { get; init; }
    public required string NoSuchCase { get; init; }
    public required string MinutesConfidential { get; init; }

    // The young person's
    public required string YourMeetings { get; init; }
    public required string YourMeetingsText { get; init; }
    public required string Online { get; init; }
    public required string OpenOnline { get; init; }
    public required string WhatWasDecided { get; init; }
    public required string AskAnotherTime { get; init; }
    public required string AskNote { get; init; }
    public required string AskNoteHint { get; init; }
    public required string Asked { get; init; }
    public required IReadOnlyDictionary<string, string> KindsPlain { get; init; }
    public required string Council { get; init; }
    public required string UnderLaw { get; init; }
    public required string WhoWasThere { get; init; }
    public required string BoundToConfidentiality { get; init; }
    public required IReadOnlyDictionary<string, string> LegalBases { get; init; }
    public required IReadOnlyDictionary<string, string> StatusesPlain { get; init; }
}
