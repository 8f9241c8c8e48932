namespace ReferralNet.Web.Text;

/// <summary>The worker's console: professional words, short.</summary>
public sealed partial class WorkerTexts
{
    public required string MyWork { get; init; }
    public required string Refer { get; init; }
    public required string Cases { get; init; }
    public required string MergeProposals { get; init; }
    public required string Tasks { get; init; }
    public required string NoTasks { get; init; }
    public required string Due { get; init; }
    public required string Overdue { get; init; }
    public required string IncomingOffers { get; init; }
    public required string NoIncomingOffers { get; init; }
    public required string AwaitingTheirAnswer { get; init; }
    public required string NoOffersAwaiting { get; init; }
    public required string OutgoingOffers { get; init; }
    public required string SomethingNew { get; init; }
    public required string Refresh { get; init; }
    public required string Open { get; init; }

    // A referral
    public required string NewReferral { get; init; }
    public required string NewReferralText { get; init; }
    public required string Person { get; init; }
    public required string FamilyName { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyNameKana { get; init; }
    public required string GivenNameKana { get; init; }
    public required string KanaHint { get; init; }
    public required string Municipality { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Source { get; init; }
    public required string Needs { get; init; }
    public required string Urgency { get; init; }
    public required string FirstContact { get; init; }
    public required string RemoteFirst { get; init; }
    public required string Summary { get; init; }
    public required string SummaryHint { get; init; }
    public required string SendReferral { get; init; }
    public required string Referred { get; init; }
    public required string JoinedOpenCase { get; init; }
    public required string AwaitingAdmission { get; init; }
    public required string AwaitingAdmissionText { get; init; }
    public required string YouthCode { get; init; }
    public required string YouthCodeText { get; init; }
    public required string SlipIntro { get; init; }
    public required string SlipWhere { get; init; }
    public required string SlipUntil { get; init; }
    public required string SlipQrLabel { get; init; }
    public required string CopyCode { get; init; }
    public required string Copied { get; init; }
    public required string PrintSlip { get; init; }
    public required string SeeCase { get; init; }

    // The shared case
    public required string Case { get; init; }
    public required string Status { get; init; }
    public required string Lead { get; init; }

    // The team (API-v3 §1)
    public required string Reference { get; init; }
    public required string Team { get; init; }
    public required string WaitsToJoin { get; init; }
    public required string Admit { get; init; }
    public required string DeclineAdmission { get; init; }
    public required string KeyPerson { get; init; }
    public required string NoKeyPerson { get; init; }
    public required string Admitted { get; init; }
    public required string AdmissionDeclined { get; init; }
    public required IReadOnlyDictionary<string, string> Standings { get; init; }
    public required string NotShared { get; init; }
    public required string Name { get; init; }
    public required string Contact { get; init; }
    public required string Timeline { get; init; }
    public required string Candidates { get; init; }
    public required string CandidatesPending { get; init; }
    public required string NoCandidates { get; init; }
    public required string Score { get; init; }
    public required string FitStrong { get; init; }
    public required string FitGood { get; init; }
    public required string FitPartial { get; init; }
    public required string OfferTo { get; init; }
    public required string OfferNote { get; init; }
    public required string Offered { get; init; }
    public required string SearchDirectory { get; init; }
    public required string SearchFor { get; init; }
    public required string Search { get; init; }
    public required string SearchForReferral { get; init; }
    public required string SearchWordsHint { get; init; }
    public required string Need { get; init; }
    public required string FirstContactBy { get; init; }
    public required string AnyChoice { get; init; }
    public required string NoServicesFound { get; init; }
    public required string Found { get; init; }
    public required string Handoffs { get; init; }
    public required string NoHandoffs { get; init; }
    public required string ReissueCode { get; init; }
    public required string ReissueCodeText { get; init; }
    public required string PossibleDuplicates { get; init; }
    public required string NoCases { get; init; }
    public required string NoCaseFound { get; init; }
    public required string FindCases { get; init; }
    public required string FindCasesHint { get; init; }
    public required string AnyOpenStatus { get; init; }
    public required string OurAgency { get; init; }
    public required string SortBy { get; init; }
    public required string NextPage { get; init; }
    public required string NextDue { get; init; }
    public required string OpenTasks { get; init; }
    public required string OverdueSince { get; init; }
    public required string OnlyOverdue { get; init; }
    public required string NameNotShared { get; init; }
    public required IReadOnlyDictionary<string, string> CaseSorts { get; init; }
    public required IReadOnlyDictionary<string, string> AgeBands { get; init; }
    public required string ProposeMerge { get; init; }
    public required string MergeProposed { get; init; }
    public required string Merged { get; init; }
    public required string Confirm { get; init; }
    public required string Decline { get; init; }
    public required string NoMergeProposals { get; init; }
    public required string MergeProposalsText { get; init; }
    public required string YourCase { get; init; }
    public required string ProposedBy { get; init; }
    public required string WhySamePerson { get; init; }
    public required string Declined { get; init; }
    public required string Updated { get; init; }
    public required string Opened { get; init; }

    // A handoff
    public required string Handoff { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Service { get; init; }
    public required string RespondBy { get; init; }
    public required string Note { get; init; }
    public required string Accept { get; init; }
    public required string DeclineOffer { get; init; }
    public required string DeclineReason { get; init; }
    public required string DeclineNote { get; init; }
    public required string Withdraw { get; init; }
    public required string RecordFirstContact { get; init; }
    public required string ContactAt { get; init; }
    public required string ContactHow { get; init; }
    public required string ContactDate { get; init; }
    public required string ContactNote { get; init; }
    public required string ContactNoteHint { get; init; }
    public required string ContactTime { get; init; }
    public required string AcceptTitle { get; init; }
    public required string AcceptText { get; init; }
    public required string AcceptSure { get; init; }
    public required string DeclineTitle { get; init; }
    public required string DeclineText { get; init; }
    public required string DeclineSure { get; init; }
    public required string WithdrawTitle { get; init; }
    public required string WithdrawText { get; init; }
    public required string WithdrawSure { get; init; }
    public required string Cancel { get; init; }
    public required string NoteOnceAccepted { get; init; }
    public required string OfferShares { get; init; }
    public required string Complete { get; init; }
    public required string OutcomeLabel { get; init; }
    public required string Done { get; init; }
    public required string NotAllowedNow { get; init; }

    // Codes in words
    public required IReadOnlyDictionary<string, string> TaskKinds { get; init; }
    public required IReadOnlyDictionary<string, string> HandoffStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> DeclineReasons { get; init; }
    public required IReadOnlyDictionary<string, string> ConsentScopes { get; init; }
    public required IReadOnlyDictionary<string, string> CloseReasons { get; init; }
    public required IReadOnlyDictionary<string, string> RemovalReasons { get; init; }

    /// <summary>An offer's place among the case's offers, from its pass number (0: the first).</summary>
    public required string OfferNumber { get; init; }
    public required IReadOnlyDictionary<string, string> Outcomes { get; init; }
    public required IReadOnlyDictionary<string, string> Urgencies { get; init; }
    public required IReadOnlyDictionary<string, string> Sources { get; init; }
    public required IReadOnlyDictionary<string, string> CaseStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> TimelineKinds { get; init; }

    public required IReadOnlyDictionary<string, string> DuplicateReasons { get; init; }

    /// <summary>A ranking reason (a code of RankingReasons) as a sentence; {0} is its value in words.</summary>
    public required IReadOnlyDictionary<string, string> Reasons { get; init; }
}
