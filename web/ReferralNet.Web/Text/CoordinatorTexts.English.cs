namespace ReferralNet.Web.Text;

public sealed partial class CoordinatorTexts
{
    internal static CoordinatorTexts InEnglish() => new()
    {
        Dashboard = "The network at a glance", DashboardText = "How referrals flow and where they stall, in counts that show no person.",
        ReferralFlow = "Referrals", ByWeek = "By week", ByMonth = "By month", ReferralsOpened = "Referrals received", Period = "Period",
        Hidden = "hidden (small)", AsTable = "See the figures as a table", HiddenNote = "So that nobody can be identified, every figure is moved by up to 2 and small ones are hidden; only weeks and months that have ended are shown.",
        LastMonth = "Last month", Offers = "Offers sent", AcceptanceRate = "Accepted", TimeToAccept = "Time to accept",
        TimeToFirstContact = "Time to first contact", Hours = "hours", PassesPerCase = "Passes per case",
        OpenEscalations = "Open escalations", StuckHandoffs = "Accepted offers without contact",
        ConferencesHeld = "Case conferences held", JointMeetingsHeld = "Joint first meetings held", ActionsOnTime = "Meeting actions done on time", ActionsLate = "Meeting actions done late", SupportMeetingsOf = "Support meetings:",
        SupportPlans = "Support plans", StepsForward = "Steps forward", StepsBack = "Steps back", ReviewsOnTime = "Reviews on time",
        ReviewsLate = "Reviews late", FollowUpsStillConnected = "Follow-ups: still connected",
        FollowUpsNeedHelpAgain = "Follow-ups: need help again", FollowUpsNoContact = "Follow-ups: no contact",
        FlowBetweenKinds = "Flow between kinds of agency (last month)", FromKind = "From", ToKind = "To", Accepted = "Accepted", Passed = "Passed",
        NoFlow = "No flow in this period.",
        Escalations = "Escalations", NoEscalations = "No open escalation.", Opened = "Opened", Reason = "Reason",
        Passes = "Passes", Assigned = "Assigned to", AssignTo = "Agency to take it on", AssignToHint = "Type the agency's name to see matching agencies.", ChooseAnAgency = "Choose one agency from the suggestions.", Assign = "Assign", Resolution = "Resolution", Resolve = "Resolve",
        AssignedDone = "Assigned.", ResolvedDone = "Resolved.",
        EscalationReasons = new Dictionary<string, string>
        {
            ["passed-around"] = "Passed around", ["no-first-contact"] = "No first contact after accepting", ["no-next-step"] = "No next service chosen", ["review-overdue"] = "Plan review overdue",
        },
        Resolutions = new Dictionary<string, string>
        {
            ["next-offer-sent"] = "Next offer sent", ["youth-contacted"] = "The young person was contacted", ["case-closed"] = "Case closed", ["other"] = "Other",
            ["offer-accepted"] = "An offer was accepted",
        },
    };
}
