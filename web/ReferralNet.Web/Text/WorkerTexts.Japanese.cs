namespace ReferralNet.Web.Text;

public sealed partial class WorkerTexts
{
    internal static WorkerTexts InJapanese() => new()
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
        ContactDate = "日付", ContactNote = "連絡のようす", ContactNoteHint = "どう話せたか、次に何をするか。本人が経過の共有を認めた機関だけが読めます。", ContactTime = "時刻",
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
            ["meeting-action"] = "会議で決まったことを行う", ["confirm-meeting"] = "三者面談の日時を確定する",
            ["move-meeting"] = "会議の日時を変更する",
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
            ["handoff-connected"] = "最初の連絡", ["handoff-connected-at-joint-meeting"] = "三者面談で最初の連絡（紹介元も同席）", ["handoff-completed"] = "支援の終了", ["case-escalated"] = "コーディネーターへ連絡",
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
}
