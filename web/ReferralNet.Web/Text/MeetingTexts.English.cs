namespace ReferralNet.Web.Text;

public sealed partial class MeetingTexts
{
    internal static MeetingTexts InEnglish() => new()
    {
        Meetings = "Meetings", MeetingsText = "Case conferences of the agencies around the young person, and a handoff's joint first meeting. Only the agencies that attend read a meeting.",
        NoMeetings = "Your agency attends no meeting of this case yet.", Meeting = "Meeting",
        ScheduleConference = "Schedule a case conference", ProposeJointMeeting = "Propose a joint first meeting",
        JointMeetingWith = "Hand over to", Date = "Date", Time = "Time", When = "When", Place = "Place",
        PlaceHint = "A room, or leave it empty for an online meeting.", OnlineUrl = "Online meeting address (https://)",
        Attendees = "Agencies attending", AttendeesHint = "Agencies of the team.", YouthInvited = "The young person is invited",
        YouthIsInvited = "The young person is invited.", YouthNotInvited = "The young person is not invited.", Agenda = "Agenda", Schedule = "Schedule", Propose = "Propose this time",
        Scheduled = "The meeting was scheduled.", Minutes = "Minutes", NoMinutes = "No minutes yet.",
        Decisions = "Decisions", DecisionsHint = "One per line.", Actions = "Actions", ActionsHint = "An action goes to an agency that attended. Empty rows are not saved.",
        Action = "Action", ActionAgency = "Agency", ActionWhat = "What", ActionDue = "By", WriteMinutes = "Save the minutes",
        MinutesSaved = "The minutes were saved.", MarkDone = "Done", DoneOn = "done", ActionDone = "The action was marked done.",
        Confirm = "Confirm this time", ConfirmText = "The sending agency proposed this time. Confirm it, and the young person sees it as fixed.",
        MeetingConfirmed = "The time was confirmed.", NewTime = "Another time", GiveNewTime = "Give this time", MeetingMoved = "The meeting has a new time.",
        YoungPersonAsked = "The young person asked for another time", NotSharedNotes = "The young person has not shared the notes of their case with your agency. Meetings are part of them: ask them.",
        WhoDoesWhat = "Who does what",
        Kinds = new Dictionary<string, string>
        {
            ["case-conference"] = "Case conference", ["joint-first-meeting"] = "Joint first meeting", ["support-meeting"] = "Support meeting of a council",
        },
        Statuses = new Dictionary<string, string>
        {
            ["scheduled"] = "Scheduled", ["proposed"] = "Proposed: waiting for the receiving agency", ["confirmed"] = "Confirmed",
            ["move-requested"] = "The young person asked for another time",
        },

        YourMeetings = "Meetings with you", YourMeetingsText = "When and where. If the time does not suit you, you can ask for another one.",
        Online = "Online", OpenOnline = "Open the online meeting", WhatWasDecided = "What was decided", AskAnotherTime = "Ask for another time",
        AskNote = "A few words", AskNoteHint = "For example, which times are easier for you.", Asked = "We told them. They will suggest another time.",
        KindsPlain = new Dictionary<string, string>
        {
            ["case-conference"] = "Meeting about your support", ["joint-first-meeting"] = "First meeting with your new supporter",
            ["support-meeting"] = "A council talked about how to support you",
        },
        Council = "Council", UnderLaw = "Under", WhoWasThere = "Who was there",
        BoundToConfidentiality = "Everyone there is bound by law to keep what they heard to themselves.",
        LegalBases = new Dictionary<string, string>
        {
            ["social-welfare-act-106-6"] = "Social Welfare Act, Article 106-6", ["child-welfare-act-25-2"] = "Child Welfare Act, Article 25-2",
            ["children-young-people-act-19"] = "Act on Promotion of Development and Support for Children and Young People, Article 19",
        },
        StatusesPlain = new Dictionary<string, string>
        {
            ["scheduled"] = "Planned", ["proposed"] = "Being arranged", ["confirmed"] = "Fixed", ["move-requested"] = "You asked for another time",
        },
    };
}
