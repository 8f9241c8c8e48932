namespace ReferralNet.Web.Text;

/// <summary>The worker's console: professional words, short.</summary>
public sealed class WorkerTexts
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

    internal static WorkerTexts Japanese() => new()
    {
        MyWork = "今日の仕事", Refer = "紹介する", Cases = "ケース", MergeProposals = "統合の提案",
        Tasks = "やること", NoTasks = "いまはありません。", Due = "期限", Overdue = "期限切れ",
        IncomingOffers = "届いた紹介", NoIncomingOffers = "返事を待っている紹介はありません。",
        AwaitingTheirAnswer = "返事を待っている、送った紹介", NoOffersAwaiting = "返事待ちの、送った紹介はありません。", OutgoingOffers = "送った紹介",
        SomethingNew = "新しい動きがありました。", Refresh = "表示を更新", Open = "開く",

        NewReferral = "紹介する", NewReferralText = "若者の話を一度だけ記録します。同じ人のケースがすでにあれば、そのケースに加わります。",
        Person = "本人", FamilyName = "姓", GivenName = "名", FamilyNameKana = "セイ", GivenNameKana = "メイ",
        KanaHint = "カタカナ。全角・半角はどちらでもかまいません。", Municipality = "市区町村", Email = "メールアドレス", Phone = "電話番号",
        Source = "紹介のきっかけ", Needs = "必要な支援", Urgency = "急ぎ具合", FirstContact = "最初の連絡の方法（本人の希望）",
        RemoteFirst = "まずはオンラインで", Summary = "いまの状況", SummaryHint = "本人の言葉で。ほかの機関はこの記録を読み、同じ話を聞き直しません。",
        SendReferral = "紹介を送る", Referred = "紹介しました。", JoinedOpenCase = "同じ人の開いているケースに加わりました。",
        AwaitingAdmission = "参加の承認を待っています",
        AwaitingAdmissionText = "この若者には、ほかの機関と進めているケースがあります。担当の中心の機関（または本人）に、あなたの機関がチームに加わってよいか確認しています。認められるまで、ケースの内容は見えません。紹介はそのまま保存されています。",
        SlipIntro = "あなたのページを開くためのコードです。下のページでコードを入れて、サインインの方法を選んでください。あなたが何を共有するかは、そのあとあなたが決めます。",
        SlipWhere = "入れるページ", SlipUntil = "使える期限", SlipQrLabel = "コードを入れるページのQRコード",
        CopyCode = "コードをコピー", Copied = "コピーしました", PrintSlip = "渡す紙を印刷",
        YouthCode = "若者に渡すコード", YouthCodeText = "このコードを本人に渡してください。ここに表示されるのは一度だけです。本人は自分のページで、何を共有するか選べます。",
        SeeCase = "ケースを見る",

        Case = "ケース", Status = "状態", Lead = "担当の中心",
        Reference = "番号", Team = "チーム", WaitsToJoin = "参加を希望しています", Admit = "参加を認める", DeclineAdmission = "参加を断る",
        KeyPerson = "主担当者", NoKeyPerson = "主担当者はまだ決まっていません",
        Admitted = "チームへの参加を認めました。", AdmissionDeclined = "チームへの参加を断りました。",
        Standings = new Dictionary<string, string> { ["lead"] = "担当の中心", ["member"] = "メンバー", ["pending"] = "参加の承認待ち" },
        NotShared = "本人が共有していません", Name = "氏名", Contact = "連絡先", Timeline = "経過",
        Candidates = "紹介先の候補", CandidatesPending = "候補を探しています。少し待って表示を更新してください。", NoCandidates = "合う候補がありません。",
        Score = "合い方", FitStrong = "よく合う", FitGood = "合う", FitPartial = "一部が合う", OfferTo = "ここに紹介する", OfferNote = "紹介先へのひとこと", Offered = "紹介を送りました。",
        SearchDirectory = "ほかの紹介先を探す", SearchFor = "キーワード", Search = "探す",
        SearchForReferral = "この若者を受け入れられるサービスだけを、合う順に理由とともに表示します。",
        SearchWordsHint = "例：ひきこもり オンライン（すべての言葉を含むものを探します）", Need = "支援の種類", FirstContactBy = "最初の連絡の方法",
        AnyChoice = "指定なし", NoServicesFound = "見つかりませんでした。言葉や条件を減らしてみてください。", Found = "見つかったサービス",
        Handoffs = "紹介", NoHandoffs = "まだありません。",
        ReissueCode = "若者のコードを作り直す", ReissueCodeText = "前のコードは使えなくなります。本人がサインインの方法を作り直すときにも使います。",
        PossibleDuplicates = "同じ人かもしれないケース", NoCases = "ありません。",
        NoCaseFound = "見つかりませんでした。参照番号や名前の一部で探してみてください。", FindCases = "ケースを探す",
        FindCasesHint = "参照番号（RN-…）か、名前・カナ・呼び名の一部。", AnyOpenStatus = "すべて（終了を除く）", OurAgency = "自分の機関",
        SortBy = "並べ方", NextPage = "次のページ", NextDue = "次の期限", OpenTasks = "やることが{0}件", OverdueSince = "期限切れ", OnlyOverdue = "期限を過ぎたものだけ", NameNotShared = "名前は共有されていません",
        CaseSorts = new Dictionary<string, string> { ["updated"] = "最近連絡があった順", ["opened"] = "新しく始まった順", ["due"] = "期限が近い順" },
        AgeBands = new Dictionary<string, string>
        {
            ["under-15"] = "15歳未満", ["15-19"] = "15〜19歳", ["20-24"] = "20〜24歳", ["25-29"] = "25〜29歳", ["30-34"] = "30〜34歳", ["35-plus"] = "35歳以上",
        }, ProposeMerge = "このケースと統合する",
        MergeProposed = "統合を提案しました。相手の機関が確認します。", Merged = "統合しました。",
        Confirm = "統合する", Decline = "断る", NoMergeProposals = "確認を待っている提案はありません。", Updated = "更新", Opened = "開始",
        MergeProposalsText = "ほかの機関が、あなたの機関の関わるケースを、同じ人のケースとして統合することを提案しています。統合すると、経過と関わる機関がひとつになります。",
        YourCase = "あなたの機関のケース", ProposedBy = "提案した機関", Declined = "断りました。", WhySamePerson = "同じ人かもしれない理由",

        Handoff = "紹介", From = "紹介元", To = "紹介先", Service = "サービス", RespondBy = "返事の期限", Note = "紹介元からのひとこと",
        Accept = "受け入れる", DeclineOffer = "断る", DeclineReason = "断る理由", DeclineNote = "紹介元へのひとこと",
        Withdraw = "取り下げる", RecordFirstContact = "最初の連絡を記録する", ContactAt = "連絡した日時", ContactHow = "連絡の方法",
        ContactDate = "日付", ContactTime = "時刻",
        AcceptTitle = "この紹介を受け入れますか",
        AcceptText = "受け入れると、あなたの機関はこの若者のチームに加わり、最初の連絡をするまで紹介元と一緒に責任を持ちます。連絡の期限はタスクに出ます。",
        AcceptSure = "受け入れる（確定）",
        DeclineTitle = "この紹介を断りますか",
        DeclineText = "断ると、理由とひとことが紹介元に伝わり、ケースは次の紹介先へ回ります。若者がネットワークから外れることはありません。",
        DeclineSure = "断る（確定）",
        WithdrawTitle = "この紹介を取り下げますか",
        WithdrawText = "取り下げると、紹介先はこの紹介を受け入れられなくなります。ケースはあなたの機関に残り、次の紹介先を選べます。",
        WithdrawSure = "取り下げる（確定）",
        Cancel = "やめる",
        NoteOnceAccepted = "受け入れた後、本人がチームに経過の共有を認めていれば見られます",
        OfferShares = "受け入れると見られるもの: 本人がチームに共有を認めた情報（名前、連絡先、ニーズ、経過など、本人が選んだもの）。受け入れる前は、ここにあるサービスと紹介元だけです。",
        Complete = "結果を記録して終える", OutcomeLabel = "結果", Done = "記録しました。", NotAllowedNow = "いまの状態ではできません。表示を更新してください。",

        TaskKinds = new Dictionary<string, string>
        {
            ["answer-offer"] = "届いた紹介に返事をする", ["make-first-contact"] = "若者に最初の連絡をする",
            ["choose-next-service"] = "次の紹介先を選ぶ", ["record-outcome"] = "支援の結果を記録する",
            ["admit-member"] = "チームへの参加を認めるか決める",
            ["key-person-change"] = "本人が主担当者の交代を希望: 主担当者を決め直す",
            ["review-due"] = "支援計画を振り返る", ["follow-up"] = "終了後のフォローアップ",
            ["contact-self-referral"] = "相談してきた若者に連絡する",
        },
        HandoffStatuses = new Dictionary<string, string>
        {
            ["offered"] = "返事待ち", ["accepted"] = "受け入れ（連絡前）", ["connected"] = "連絡済み", ["completed"] = "終了",
            ["declined"] = "断られた", ["expired"] = "返事なし（期限切れ）", ["withdrawn"] = "取り下げ",
        },
        ConsentScopes = new Dictionary<string, string> { ["network"] = "このケースに関わる機関すべてに", ["agencies"] = "本人が選んだ機関に" },
        CloseReasons = new Dictionary<string, string>
        {
            ["got-help"] = "支援につながった", ["no-longer-needed"] = "必要がなくなった", ["declined-by-youth"] = "本人が望まなかった",
            ["moved-away"] = "転居した", ["other"] = "その他", ["merged"] = "同じ人のケースに統合",
        },
        RemovalReasons = new Dictionary<string, string> { ["removed-by-young-person"] = "本人が外した", ["escalation-reassigned"] = "コーディネーターが担当を替えた" },
        OfferNumber = "{0}回目の紹介",
        DeclineReasons = new Dictionary<string, string>
        {
            ["no-capacity"] = "空きがない", ["not-eligible"] = "対象外", ["not-appropriate"] = "合わない", ["other"] = "その他",
        },
        Outcomes = new Dictionary<string, string>
        {
            ["got-help"] = "支援につながった", ["partly-helped"] = "一部つながった", ["no-longer-needed"] = "必要がなくなった",
            ["could-not-contact"] = "連絡がとれなかった", ["declined-by-youth"] = "本人が断った", ["referred-elsewhere"] = "ほかへ紹介した",
        },
        Urgencies = new Dictionary<string, string> { ["routine"] = "通常", ["soon"] = "早めに", ["urgent"] = "至急" },
        Sources = new Dictionary<string, string> { ["agency-worker"] = "機関の支援者", ["school"] = "学校", ["parent"] = "保護者", ["self"] = "本人" },
        CaseStatuses = new Dictionary<string, string>
        {
            ["open"] = "対応中", ["awaiting-consent"] = "同意待ち", ["dormant"] = "休止", ["closed"] = "終了",
        },
        TimelineKinds = new Dictionary<string, string>
        {
            ["case-opened"] = "ケースを開始", ["referral-submitted"] = "紹介を受付", ["status-changed"] = "状態の変更", ["case-merged"] = "ケースを統合",
            ["case-closed"] = "ケースを終了", ["lead-changed"] = "担当の中心が交代", ["consent-granted"] = "同意", ["consent-revoked"] = "同意の取り消し",
            ["consent-expired"] = "同意の期限切れ", ["handoff-offered"] = "紹介を送付", ["handoff-accepted"] = "紹介を受け入れ",
            ["handoff-declined"] = "紹介を辞退", ["handoff-expired"] = "紹介に返事なし", ["handoff-withdrawn"] = "紹介を取り下げ",
            ["handoff-connected"] = "最初の連絡", ["handoff-completed"] = "支援の終了", ["case-escalated"] = "コーディネーターへ連絡",
            ["admission-requested"] = "チームへの参加の希望", ["member-admitted"] = "チームに参加", ["admission-declined"] = "チームへの参加を断った",
            ["member-removed"] = "チームから外れた",
            ["key-person-named"] = "主担当者が決まった", ["key-person-change-requested"] = "本人が主担当者の交代を希望",
            ["case-reopened"] = "ケースを再開", ["follow-up-recorded"] = "フォローアップ",
        },
        DuplicateReasons = new Dictionary<string, string>
        {
            ["same-birth-date"] = "生年月日が同じ", ["same-municipality"] = "市区町村が同じ", ["same-kana"] = "よみがなが同じ",
            ["names-swapped"] = "姓と名が入れ替わっている", ["similar-name"] = "名前が似ている", ["name-not-given"] = "名前の登録がない",
            ["same-contact"] = "連絡先が同じ",
        },
        Reasons = new Dictionary<string, string>
        {
            ["covers-need"] = "{0}に対応", ["preferred-modality"] = "希望の方法（{0}）で連絡できる", ["online-first-contact"] = "オンラインで始められる（{0}）",
            ["local"] = "同じ市区町村（{0}）", ["free-places"] = "空き {0}", ["waiting-list"] = "待機 {0}週", ["fee-fits-financial-need"] = "費用: {0}",
            ["speaks-language"] = "{0}で対応",
        },
    };

    internal static WorkerTexts English() => new()
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
        ContactDate = "Date", ContactTime = "Time",
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
            ["handoff-connected"] = "First contact", ["handoff-completed"] = "Support completed", ["case-escalated"] = "Escalated to coordinators",
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
