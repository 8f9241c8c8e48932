namespace ReferralNet.Contracts.Codes;

/// <summary>What a worker has to do next about a handoff (API-v2, "Tasks"), a case's team (API-v3 §1), its plan (§4) or a meeting (§5).</summary>
public static class TaskKinds
{
    /// <summary>An offer to the worker's agency waits for an answer until its <c>respondBy</c>.</summary>
    public const string AnswerOffer = "answer-offer";

    /// <summary>An accepted offer waits for first contact until <c>ContactWithin</c> after the accept.</summary>
    public const string MakeFirstContact = "make-first-contact";

    /// <summary>An offer of the worker's agency was passed on: choose the next service before <c>NextStepWithin</c>.</summary>
    public const string ChooseNextService = "choose-next-service";

    /// <summary>First contact was made: record how it ended.</summary>
    public const string RecordOutcome = "record-outcome";

    /// <summary>For the lead: another agency referred the person and waits to be admitted to the team.</summary>
    public const string AdmitMember = "admit-member";

    /// <summary>The young person asked for another key person: the lead names one (again).</summary>
    public const string KeyPersonChange = "key-person-change";

    /// <summary>For the key person's agency (the lead's when none is named): the plan's review date has passed.</summary>
    public const string ReviewDue = "review-due";

    /// <summary>For the lead at closing: the follow-up after closing is due; record what it found.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>
    /// For the intake desk: a young person asked for help themself; reach them by the day they were told, until they
    /// share (the case leaves awaiting-consent).
    /// </summary>
    public const string ContactSelfReferral = "contact-self-referral";

    /// <summary>For an agency given an action in a meeting's minutes: do it by its day, and say it is done.</summary>
    public const string MeetingAction = "meeting-action";

    /// <summary>For the receiving agency: the sender proposed a time for the joint first meeting; confirm it.</summary>
    public const string ConfirmMeeting = "confirm-meeting";

    /// <summary>For the agency that scheduled a meeting: the young person asked to move it; give it another time.</summary>
    public const string MoveMeeting = "move-meeting";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        AnswerOffer, MakeFirstContact, ChooseNextService, RecordOutcome, AdmitMember, KeyPersonChange, ReviewDue, FollowUp, ContactSelfReferral,
        MeetingAction, ConfirmMeeting, MoveMeeting);
}
