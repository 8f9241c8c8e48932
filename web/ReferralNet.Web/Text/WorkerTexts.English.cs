namespace ReferralNet.Web.Text;

public sealed partial class WorkerTexts
{
    internal static WorkerTexts InEnglish() => new()
    {
        MyWork = "My work", Refer = "Refer", Cases = "Cases", MergeProposals = "Merge proposals",
        Tasks = "To do", NoTasks = "Nothing right now.", Due = "Due", Overdue = "overdue",
        IncomingOffers = "Offers to your agency", NoIncomingOffers = "No offer is waiting for your answer.",
        AwaitingTheirAnswer = "Your offers awaiting an answer", NoOffersAwaiting = "None of your offers is waiting for an answer.", OutgoingOffers = "Offers you sent",
        SomethingNew = "Something new arrived.", Refresh = "Refresh", Open = "Open",

        NewReferral = "Refer a young person", NewReferralText = "Record the young person's story once. If they already have an open case, this referral joins it.",
        Person = "The young person", FamilyName = "Family name", GivenName = "Given name", FamilyNameKana = "Family name (kana)",
        GivenNameKana = "Given name (kana)", KanaHint = "Katakana, full or half width.", Municipality = "Town or city", Email = "E-mail address", Phone = "Phone number",
        Source = "Referred by", Needs = "Needs", Urgency = "Urgency", FirstContact = "How they would like to be contacted first",
        RemoteFirst = "Online first", Summary = "Their situation", SummaryHint = "In their own words. Other agencies read this instead of asking again.",
        SendReferral = "Send the referral", Referred = "Referred.", JoinedOpenCase = "This joined the young person's open case.",
        AwaitingAdmission = "Waiting to join the team",
        AwaitingAdmissionText = "This young person already has a case with other agencies. Its lead agency (or the young person) is asked whether your agency may join the team; until then you see nothing of the case. Your referral is kept.",
        SlipIntro = "This code opens your own page. Enter it on the page below and choose how you will sign in. What you share is then yours to decide.",
        SlipWhere = "Where to enter it", SlipUntil = "Works until", SlipQrLabel = "QR code of the page where the code is entered",
        CopyCode = "Copy the code", Copied = "Copied", PrintSlip = "Print a slip to hand over",
        YouthCode = "Code for the young person", YouthCodeText = "Give this code to the young person. It is shown only this once. With it they choose what to share, on their own page.",
        SeeCase = "See the case",

        Case = "Case", Status = "Status", Lead = "Lead agency",
        Reference = "Reference", Team = "Team", WaitsToJoin = "asks to join", Admit = "Let them join", DeclineAdmission = "Do not let them join",
        KeyPerson = "Key person", NoKeyPerson = "No key person named yet",
        Admitted = "They joined the team.", AdmissionDeclined = "They were not let into the team.",
        Standings = new Dictionary<string, string> { ["lead"] = "lead", ["member"] = "member", ["pending"] = "waiting to join" },
        NotShared = "not shared by the young person", Name = "Name", Contact = "Contact", Timeline = "Timeline",
        Candidates = "Suggested services", CandidatesPending = "Looking for services; refresh in a moment.", NoCandidates = "No service fits.",
        Score = "Fit", FitStrong = "strong fit", FitGood = "good fit", FitPartial = "partial fit", OfferTo = "Offer to this service", OfferNote = "A note for the service", Offered = "The offer was sent.",
        SearchDirectory = "Find another service", SearchFor = "Words", Search = "Search",
        SearchForReferral = "Only the services that can take this young person, best first, with why.",
        SearchWordsHint = "For example: hikikomori online (finds what has every word)", Need = "Need", FirstContactBy = "First contact by",
        AnyChoice = "Any", NoServicesFound = "Nothing found. Try fewer words or filters.", Found = "Services found",
        Handoffs = "Offers", NoHandoffs = "None yet.",
        ReissueCode = "Make a new code for the young person", ReissueCodeText = "The old code stops working. Use it too when the young person needs to set up their sign-in again.",
        PossibleDuplicates = "Cases that may be the same person", NoCases = "None.",
        NoCaseFound = "No case matches. Try a reference or part of a name.", FindCases = "Find a case",
        FindCasesHint = "A reference (RN-…) or part of a name, kana or nickname.", AnyOpenStatus = "Any (not closed)", OurAgency = "Your agency",
        SortBy = "Order", NextPage = "Next page", NextDue = "Next due", OpenTasks = "{0} open tasks", OverdueSince = "Overdue since", OnlyOverdue = "Only overdue ones", NameNotShared = "Name not shared",
        CaseSorts = new Dictionary<string, string> { ["updated"] = "Latest contact first", ["opened"] = "Newest first", ["due"] = "Soonest due first" },
        AgeBands = new Dictionary<string, string>
        {
            ["under-15"] = "under 15", ["15-19"] = "15–19", ["20-24"] = "20–24", ["25-29"] = "25–29", ["30-34"] = "30–34", ["35-plus"] = "35 and over",
        }, ProposeMerge = "Merge with this case",
        MergeProposed = "Merge proposed; the other agency confirms it.", Merged = "Merged.",
        Confirm = "Merge", Decline = "Decline", NoMergeProposals = "No proposal is waiting for you.", Updated = "Updated", Opened = "Opened",
        MergeProposalsText = "Another agency proposes that a case your agency takes part in is the same young person as a case of theirs. Merged, the two share one timeline and their agencies.",
        YourCase = "Your agency's case", ProposedBy = "Proposed by", Declined = "Declined.", WhySamePerson = "Why it may be the same person",

        Handoff = "Offer", From = "From", To = "To", Service = "Service", RespondBy = "Answer by", Note = "Note from the sender",
        Accept = "Accept", DeclineOffer = "Decline", DeclineReason = "Reason", DeclineNote = "A note for the sender",
        Withdraw = "Withdraw", RecordFirstContact = "Record first contact", ContactAt = "When", ContactHow = "How",
        ContactDate = "Date", ContactNote = "How it went", ContactNoteHint = "How the conversation went, what comes next. Only agencies the young person shares case notes with read it.", ContactTime = "Time",
        AcceptTitle = "Accept this offer?",
        AcceptText = "Your agency joins the young person's team and shares the sender's accountability until first contact. The deadline for first contact appears in your tasks.",
        AcceptSure = "Yes, accept",
        DeclineTitle = "Decline this offer?",
        DeclineText = "The sender sees your reason and note, and the case moves on to the next service. The young person does not leave the network.",
        DeclineSure = "Yes, decline",
        WithdrawTitle = "Withdraw this offer?",
        WithdrawText = "The receiver can no longer accept it. The case stays with your agency, and you can choose the next service.",
        WithdrawSure = "Yes, withdraw",
        Cancel = "Cancel",
        NoteOnceAccepted = "Visible once you accept, if the young person shares case notes with their team",
        OfferShares = "Once you accept you see what the young person shares with their team (such as name, contact, needs and case notes, as they chose). Before that, only the service and the sender shown here.",
        Complete = "Record the outcome and close", OutcomeLabel = "Outcome", Done = "Recorded.", NotAllowedNow = "Not possible in its current state; refresh the page.",

        TaskKinds = new Dictionary<string, string>
        {
            ["answer-offer"] = "Answer an offer", ["make-first-contact"] = "Make first contact with the young person",
            ["choose-next-service"] = "Choose the next service", ["record-outcome"] = "Record the outcome",
            ["admit-member"] = "Decide whether an agency joins the team",
            ["key-person-change"] = "The young person asks for another key person: name one again",
            ["review-due"] = "Review the support plan", ["follow-up"] = "Follow up after closing",
            ["meeting-action"] = "Do what the meeting agreed", ["confirm-meeting"] = "Confirm the joint first meeting",
            ["move-meeting"] = "Find another time for the meeting",
            ["contact-self-referral"] = "Reach a young person who asked for help",
        },
        HandoffStatuses = new Dictionary<string, string>
        {
            ["offered"] = "waiting for an answer", ["accepted"] = "accepted (no contact yet)", ["connected"] = "in contact", ["completed"] = "completed",
            ["declined"] = "declined", ["expired"] = "not answered in time", ["withdrawn"] = "withdrawn",
        },
        ConsentScopes = new Dictionary<string, string> { ["network"] = "with every agency of the case", ["agencies"] = "with agencies the young person chose" },
        CloseReasons = new Dictionary<string, string>
        {
            ["got-help"] = "got help", ["no-longer-needed"] = "no longer needed", ["declined-by-youth"] = "the young person did not want it",
            ["moved-away"] = "moved away", ["other"] = "other", ["merged"] = "merged into the same person's case",
        },
        RemovalReasons = new Dictionary<string, string> { ["removed-by-young-person"] = "removed by the young person", ["escalation-reassigned"] = "reassigned by a coordinator" },
        OfferNumber = "offer no. {0}",
        DeclineReasons = new Dictionary<string, string>
        {
            ["no-capacity"] = "No free place", ["not-eligible"] = "Not eligible", ["not-appropriate"] = "Not a good fit", ["other"] = "Other",
        },
        Outcomes = new Dictionary<string, string>
        {
            ["got-help"] = "Got help", ["partly-helped"] = "Partly helped", ["no-longer-needed"] = "No longer needed",
            ["could-not-contact"] = "Could not make contact", ["declined-by-youth"] = "Declined by the young person", ["referred-elsewhere"] = "Referred elsewhere",
        },
        Urgencies = new Dictionary<string, string> { ["routine"] = "Routine", ["soon"] = "Soon", ["urgent"] = "Urgent" },
        Sources = new Dictionary<string, string> { ["agency-worker"] = "An agency's worker", ["school"] = "School", ["parent"] = "Parent", ["self"] = "The young person" },
        CaseStatuses = new Dictionary<string, string>
        {
            ["open"] = "open", ["awaiting-consent"] = "awaiting consent", ["dormant"] = "dormant", ["closed"] = "closed",
        },
        TimelineKinds = new Dictionary<string, string>
        {
            ["case-opened"] = "Case opened", ["referral-submitted"] = "Referral received", ["status-changed"] = "Status changed", ["case-merged"] = "Cases merged",
            ["case-closed"] = "Case closed", ["lead-changed"] = "Lead agency changed", ["consent-granted"] = "Consent given", ["consent-revoked"] = "Consent revoked",
            ["consent-expired"] = "Consent expired", ["handoff-offered"] = "Offer sent", ["handoff-accepted"] = "Offer accepted",
            ["handoff-declined"] = "Offer declined", ["handoff-expired"] = "Offer not answered", ["handoff-withdrawn"] = "Offer withdrawn",
            ["handoff-connected"] = "First contact", ["handoff-connected-at-joint-meeting"] = "First contact at the joint first meeting (sender present)", ["handoff-completed"] = "Support completed", ["case-escalated"] = "Escalated to coordinators",
            ["admission-requested"] = "Asked to join the team", ["member-admitted"] = "Joined the team", ["admission-declined"] = "Not let into the team",
            ["member-removed"] = "Left the team",
            ["key-person-named"] = "Key person named", ["key-person-change-requested"] = "The young person asked for another key person",
            ["case-reopened"] = "Case reopened", ["follow-up-recorded"] = "Follow-up",
        },
        DuplicateReasons = new Dictionary<string, string>
        {
            ["same-birth-date"] = "same birth date", ["same-municipality"] = "same town", ["same-kana"] = "same kana reading",
            ["names-swapped"] = "family and given names swapped", ["similar-name"] = "similar name", ["name-not-given"] = "no name given",
            ["same-contact"] = "same contact",
        },
        Reasons = new Dictionary<string, string>
        {
            ["covers-need"] = "covers {0}", ["preferred-modality"] = "first contact as they wish ({0})", ["online-first-contact"] = "can start online ({0})",
            ["local"] = "in their own town ({0})", ["free-places"] = "{0} places free", ["waiting-list"] = "waiting list of {0} weeks",
            ["fee-fits-financial-need"] = "cost: {0}", ["speaks-language"] = "speaks {0}",
        },
    };
}
