using System.Globalization;

namespace ReferralNet.Web.Text;

/// <summary>
/// Every word the pages show, in Japanese (first: most users, and every young person, read it) and English. A property
/// is required, so a text missing in one language does not compile; a code's words (a need, a category) are in
/// dictionaries that a test checks against the code lists. Every texts class (this one, the worker's, the plan's, the
/// administrator's, the coordinator's) has one layout: its properties here, its words per language in
/// <c>….Japanese.cs</c> and <c>….English.cs</c>.
/// </summary>
public sealed partial class Texts
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly IReadOnlyList<CultureInfo> Cultures = [Japanese, English];

    public static Texts For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? TextsEn.Value : TextsJa.Value;

    public required string Language { get; init; }
    public required string OtherLanguageName { get; init; }
    public required string OtherLanguageCode { get; init; }
    public required string SkipToContent { get; init; }
    public required string AppName { get; init; }
    public required string DateFormat { get; init; }
    public required string DateTimeFormat { get; init; }

    // Layout and common words
    public required string Home { get; init; }
    public required string SignIn { get; init; }
    public required string SignOut { get; init; }
    public required string SignOutEverywhere { get; init; }
    public required string RunBy { get; init; }
    public required string PrivacyNotice { get; init; }
    public required string WriteTo { get; init; }
    public required string PrivacyIntro { get; init; }
    public required IReadOnlyList<NoticeSection> PrivacySections { get; init; }
    public required string Back { get; init; }
    public required string Next { get; init; }
    public required string Save { get; init; }
    public required string Optional { get; init; }

    /// <summary>The same mark on staff forms: short, as form conventions have it (「任意」).</summary>
    public required string OptionalStaff { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string SomethingWentWrong { get; init; }
    public required string TryAgainLater { get; init; }
    public required string Busy { get; init; }
    public required string FixTheMarkedFields { get; init; }
    public required string Required { get; init; }

    // The landing page
    public required string Welcome { get; init; }
    public required string WelcomeText { get; init; }
    public required string AskForHelp { get; init; }
    public required string AskForHelpText { get; init; }
    public required string HaveACode { get; init; }
    public required string HaveACodeText { get; init; }
    public required string SignInYouthText { get; init; }
    public required string BrowseServices { get; init; }
    public required string BrowseServicesText { get; init; }
    public required string ForStaff { get; init; }

    // The young person's code, enrolment and sign-in
    public required string EnterCode { get; init; }
    public required string EnterCodeText { get; init; }
    public required string Code { get; init; }
    public required string CodeDoesNotWork { get; init; }
    public required string ChooseSignIn { get; init; }
    public required string ChooseSignInText { get; init; }
    public required string SignInName { get; init; }
    public required string SignInNameHint { get; init; }
    public required string Passphrase { get; init; }
    public required string PassphraseHint { get; init; }
    public required string SignInNameTaken { get; init; }
    public required string YouthSignInTitle { get; init; }
    public required string SignInDoesNotMatch { get; init; }
    public required string TooManyTries { get; init; }
    public required string EnrolmentEnded { get; init; }
    public required string ListSeparator { get; init; }
    public required string OlderEntries { get; init; }
    public required string UsePasskey { get; init; }
    public required string UsePasskeyText { get; init; }
    public required string OrNameAndPassphrase { get; init; }
    public required string OrUseNameAndPassphrase { get; init; }
    public required string SignInWithPasskey { get; init; }
    public required string PasskeyWorking { get; init; }
    public required string PasskeyNotMade { get; init; }
    public required string PasskeyNotUsed { get; init; }

    // The young person's own page
    public required string YourPage { get; init; }
    public required string YourPageText { get; init; }
    public required string WhoHelpsYou { get; init; }
    public required string NobodyYet { get; init; }
    public required string YourMainContact { get; init; }
    public required string AsksToJoin { get; init; }
    public required string AsksToJoinText { get; init; }
    public required string LetThemJoin { get; init; }
    public required string NoThankYou { get; init; }
    public required string RemoveFromTeam { get; init; }
    public required string RemoveFromTeamHint { get; init; }
    public required string TheyJoined { get; init; }
    public required string TheyDidNotJoin { get; init; }
    public required string TheyWereRemoved { get; init; }
    public required string YourKeyPerson { get; init; }
    public required string AskForAnotherKeyPerson { get; init; }
    public required string AnotherKeyPersonAsked { get; init; }
    public required string AnotherKeyPersonNote { get; init; }
    public required string AnotherKeyPersonNoteHint { get; init; }
    public required string Lead { get; init; }
    public required string WhatYouShare { get; init; }
    public required string NothingShared { get; init; }
    public required string ChooseWhatToShare { get; init; }
    public required string ShareTo { get; init; }
    public required string ShareFor { get; init; }
    public required string ShareUntil { get; init; }
    public required string AllAgenciesOfYourCase { get; init; }
    public required string OnlyTheseAgencies { get; init; }
    public required string WhichAgencies { get; init; }
    public required string SensitiveMark { get; init; }
    public required string StopSharing { get; init; }
    public required string StopSharingConfirm { get; init; }
    public required string Stopped { get; init; }

    // A reset of the young person's sign-in that waits (API-v3 §2): {0} an agency, {1} when asked, {2} when it takes effect.
    public required string ResetWaiting { get; init; }
    public required string ResetWaitingText { get; init; }
    public required string CancelReset { get; init; }
    public required string ResetCancelled { get; init; }
    public required string LimitedSession { get; init; }
    public required string SeeReceipt { get; init; }
    public required string RecordedByAgency { get; init; }
    public required string EarlierConsents { get; init; }
    public required string WhoLooked { get; init; }
    public required string WhoLookedText { get; init; }
    public required string NobodyLooked { get; init; }
    public required string When { get; init; }
    public required string Who { get; init; }
    public required string What { get; init; }
    public required string Why { get; init; }
    public required string Result { get; init; }
    public required string You { get; init; }
    public required string AnAgency { get; init; }
    public required string Allowed { get; init; }
    public required string Refused { get; init; }

    // Choosing what to share
    public required string ShareTitle { get; init; }
    public required string ShareText { get; init; }
    public required string WhatToShare { get; init; }
    public required string WhatFor { get; init; }
    public required string ToWhom { get; init; }
    public required string UntilWhen { get; init; }
    public required string ShareThis { get; init; }
    public required string YouCanStopAnyTime { get; init; }
    public required string Shared { get; init; }

    // The receipt
    public required string ReceiptTitle { get; init; }
    public required string ReceiptGranted { get; init; }
    public required string ReceiptStatus { get; init; }
    public required string ReceiptHowToStop { get; init; }

    // Asking for help without an account
    public required string AskTitle { get; init; }
    public required string AskText { get; init; }
    public required string Nickname { get; init; }
    public required string NicknameHint { get; init; }
    public required string HowToReachYou { get; init; }
    public required string HowToReachYouHint { get; init; }
    public required string WhatIsItAbout { get; init; }
    public required string Municipality { get; init; }
    public required string BirthDate { get; init; }
    public required string Message { get; init; }
    public required string MessageHint { get; init; }
    public required string Send { get; init; }
    public required string AskSentTitle { get; init; }
    public required string AskSentText { get; init; }
    public required string InDanger { get; init; }
    public required string YourReference { get; init; }
    public required string YourReferenceHint { get; init; }
    public required string WhoContactsYou { get; init; }
    public required string TheIntakeDesk { get; init; }
    public required string WillContactYouBy { get; init; }
    public required string WaitingToHearFromYou { get; init; }
    public required string IntakeDesk { get; init; }
    public required string HowTheyContactYou { get; init; }
    public required string ByWhen { get; init; }
    public required string ByDay { get; init; }
    public required string HelplinesTitle { get; init; }
    public required string HelplinesText { get; init; }

    /// <summary>Lines a young person may call about how they feel, nationwide, as the ministry of health lists them.</summary>
    public required IReadOnlyList<Helpline> Helplines { get; init; }

    // The services young people may find themselves
    public required string ServicesTitle { get; init; }
    public required string ServicesText { get; init; }
    public required string AnyNeed { get; init; }
    public required string Show { get; init; }
    public required string NoServicesFound { get; init; }
    public required string Ages { get; init; }
    public required string HowYouMeet { get; init; }
    public required string Cost { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }

    // Staff sign-in (development: the demo network's users)
    public required string StaffSignInTitle { get; init; }
    public required string StaffSignInText { get; init; }
    public required string SignInWithOrganisation { get; init; }
    public required string OrganisationSignInFailed { get; init; }
    public required string DemoUsersText { get; init; }
    public required string SignInAsWorker { get; init; }
    public required string SignInAsAdmin { get; init; }
    public required string SignInAsCoordinator { get; init; }
    public required string SignInAsDeskWorker { get; init; }
    public required string SignInAsAuditor { get; init; }
    public required string NetworkRoles { get; init; }
    public required string FindAgency { get; init; }

    // What a refused field needs, in the reader's words (the network's own messages are for developers)
    public required string ErrorCode { get; init; }
    public required string ErrorSignInName { get; init; }
    public required string ErrorPassphrase { get; init; }
    public required string ErrorPassphraseEasy { get; init; }
    public required string TooManyNamesTried { get; init; }
    public required string ErrorContact { get; init; }
    public required string ErrorEmail { get; init; }
    public required string ErrorChooseOne { get; init; }
    public required string ErrorBirthDate { get; init; }
    public required string ErrorTooLong { get; init; }
    public required string ErrorRequired { get; init; }
    public required string ErrorChoose { get; init; }

    /// <summary>Why a field was refused, by the refusal's code (errorCodes), for a field the page has no sentence of its own for.</summary>
    public required IReadOnlyDictionary<string, string> ErrorWords { get; init; }
    public required string PlaceHint { get; init; }
    public required string PlacesOffered { get; init; }
    public required string ErrorUntil { get; init; }
    public required IReadOnlyDictionary<string, string> AccessRecords { get; init; }
    public required IReadOnlyDictionary<string, string> AccessPurposes { get; init; }

    /// <summary>The worker's console.</summary>
    public required WorkerTexts Worker { get; init; }

    /// <summary>The coordinator's dashboard.</summary>
    public required CoordinatorTexts Coordinator { get; init; }

    /// <summary>The agency administrator's pages.</summary>
    public required AdminTexts Admin { get; init; }

    /// <summary>The support plan, for the worker and the young person.</summary>
    public required PlanTexts Plan { get; init; }

    /// <summary>The team's meetings, for the worker and the young person.</summary>
    public required MeetingTexts Meeting { get; init; }

    // Codes in words
    public required IReadOnlyDictionary<string, string> Needs { get; init; }
    public required IReadOnlyDictionary<string, string> NeedsPlain { get; init; }
    public required IReadOnlyDictionary<string, string> Modalities { get; init; }
    public required IReadOnlyDictionary<string, string> Categories { get; init; }
    public required IReadOnlyDictionary<string, string> CategoriesPlain { get; init; }
    public required IReadOnlyDictionary<string, string> Purposes { get; init; }
    public required IReadOnlyDictionary<string, string> AgencyKinds { get; init; }
    public required IReadOnlyDictionary<string, string> Fees { get; init; }
    public required IReadOnlyDictionary<string, string> ContactChannels { get; init; }

    /// <summary>How someone will reach the reader, by channel: 「LINEで」, "by e-mail".</summary>
    public required IReadOnlyDictionary<string, string> ContactChannelsBy { get; init; }
    public required IReadOnlyDictionary<string, string> ConsentStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> AccessLogKinds { get; init; }

    private static readonly Lazy<Texts> TextsJa = new(InJapanese);
    private static readonly Lazy<Texts> TextsEn = new(InEnglish);

    /// <summary>A code in words; a code this text does not know reads as itself rather than failing the page.</summary>
    public static string Word(IReadOnlyDictionary<string, string> words, string code) => words.GetValueOrDefault(code, code);
}

/// <summary>A part of a notice: its heading and its words.</summary>
public sealed record NoticeSection(string Heading, string Text);

/// <summary>A telephone line: its name, its number as dialled in Japan, and when it answers.</summary>
public sealed record Helpline(string Name, string Number, string When);
