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

        Councils = "Councils", CouncilsText = "Statutory councils whose members may talk about a person before they agree to anything, because the law binds them to confidentiality.",
        NoCouncils = "No council is registered yet.", RegisterCouncil = "Register a council", CouncilName = "Name", LegalBasis = "Statute",
        Members = "Member agencies", MembersHint = "Each is recorded as bound by the statute's confidentiality from today.", Register = "Register",
        CouncilRegistered = "The council was registered.", BoundSince = "bound since", Convene = "Convene a support meeting",
        ChangeMembers = "Change the members", MembersChanged = "The members were changed: an agency that left is kept with the day it left.",
        ConveneText = "Name the person by the council's own label, never by name. An agency that attends links the meeting to the person's case once they are in ReferralNet.",
        Reference = "The council's label for the person", ReferenceHint = "For example a number from the council's register.",
        Convened = "The support meeting was convened.", ConvenedMeetings = "Meetings you convened",
        SupportMeetings = "Support meetings", SupportMeetingsText = "Meetings of councils your agency attends. Their minutes are read only by the agencies that attended.",
        NoSupportMeetings = "Your agency attends no support meeting.", AboutCase = "About case", AboutReference = "About",
        LinkCase = "Link to the person's case", LinkCaseHint = "The case's reference (RN-…), once the person is in ReferralNet.", CaseReference = "Case reference",
        CaseLinked = "The meeting was linked to the case.", NoSuchCase = "No case of your agency has this reference.",
        MinutesConfidential = "Only the agencies that attended read these minutes; each read is in the young person's access log once the meeting is linked to their case.",

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
