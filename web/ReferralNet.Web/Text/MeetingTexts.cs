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
