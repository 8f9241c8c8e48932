namespace ReferralNet.Web.Text;

/// <summary>The coordinator's dashboard: figures of the whole network, never a person.</summary>
public sealed class CoordinatorTexts
{
    public required string Dashboard { get; init; }
    public required string DashboardText { get; init; }
    public required string ReferralFlow { get; init; }
    public required string ByWeek { get; init; }
    public required string ByMonth { get; init; }
    public required string ReferralsOpened { get; init; }
    public required string Period { get; init; }
    public required string Hidden { get; init; }
    public required string AsTable { get; init; }
    public required string HiddenNote { get; init; }
    public required string LastMonth { get; init; }
    public required string Offers { get; init; }
    public required string AcceptanceRate { get; init; }
    public required string TimeToAccept { get; init; }
    public required string TimeToFirstContact { get; init; }
    public required string Hours { get; init; }
    public required string PassesPerCase { get; init; }
    public required string OpenEscalations { get; init; }
    public required string StuckHandoffs { get; init; }
    public required string SupportPlans { get; init; }
    public required string StepsForward { get; init; }
    public required string StepsBack { get; init; }
    public required string ReviewsOnTime { get; init; }
    public required string ReviewsLate { get; init; }
    public required string FollowUpsStillConnected { get; init; }
    public required string FollowUpsNeedHelpAgain { get; init; }
    public required string FollowUpsNoContact { get; init; }
    public required string FlowBetweenKinds { get; init; }
    public required string FromKind { get; init; }
    public required string ToKind { get; init; }
    public required string Accepted { get; init; }
    public required string Passed { get; init; }
    public required string NoFlow { get; init; }
    public required string Escalations { get; init; }
    public required string NoEscalations { get; init; }
    public required string Opened { get; init; }
    public required string Reason { get; init; }
    public required string Passes { get; init; }
    public required string Assigned { get; init; }
    public required string AssignTo { get; init; }
    public required string AssignToHint { get; init; }
    public required string ChooseAnAgency { get; init; }
    public required string Assign { get; init; }
    public required string Resolution { get; init; }
    public required string Resolve { get; init; }
    public required string AssignedDone { get; init; }
    public required string ResolvedDone { get; init; }
    public required IReadOnlyDictionary<string, string> EscalationReasons { get; init; }
    public required IReadOnlyDictionary<string, string> Resolutions { get; init; }

    internal static CoordinatorTexts Japanese() => new()
    {
        Dashboard = "ネットワークの状況", DashboardText = "紹介の流れとつまずきを、人が特定できない数で示します。",
        ReferralFlow = "紹介の件数", ByWeek = "週ごと", ByMonth = "月ごと", ReferralsOpened = "受け付けた紹介", Period = "期間",
        Hidden = "少数のため非表示", AsTable = "数値を表で見る", HiddenNote = "個人が特定されないよう、どの数も最大2だけずらして示し、ずらした後も少ない数は表示しません。終わった週・月の数だけを示します。",
        LastMonth = "先月", Offers = "送られた紹介", AcceptanceRate = "受け入れ率", TimeToAccept = "受け入れまでの時間",
        TimeToFirstContact = "最初の連絡までの時間", Hours = "時間", PassesPerCase = "たらい回しの回数（ケースごと）",
        OpenEscalations = "未対応のエスカレーション", StuckHandoffs = "連絡が止まっている紹介",
        SupportPlans = "支援計画", StepsForward = "進んだステップ", StepsBack = "一歩戻ったステップ", ReviewsOnTime = "期限内の振り返り",
        ReviewsLate = "期限後の振り返り", FollowUpsStillConnected = "フォローアップ: つながりが続いている",
        FollowUpsNeedHelpAgain = "フォローアップ: 再び支援が必要", FollowUpsNoContact = "フォローアップ: 連絡がとれない",
        FlowBetweenKinds = "機関の種類の間の流れ（先月）", FromKind = "紹介元", ToKind = "紹介先", Accepted = "受け入れ", Passed = "断り・期限切れ",
        NoFlow = "この期間の流れはありません。",
        Escalations = "エスカレーション", NoEscalations = "未対応のエスカレーションはありません。", Opened = "発生", Reason = "理由",
        Passes = "たらい回し", Assigned = "担当", AssignTo = "担当にする機関", AssignToHint = "機関の名前を入れると候補が出ます。", ChooseAnAgency = "候補の中から機関をひとつ選んでください。", Assign = "担当を決める", Resolution = "対応", Resolve = "対応済みにする",
        AssignedDone = "担当を決めました。", ResolvedDone = "対応済みにしました。",
        EscalationReasons = new Dictionary<string, string>
        {
            ["passed-around"] = "紹介先が決まらない", ["no-first-contact"] = "受け入れ後に連絡がない", ["no-next-step"] = "次の紹介先が選ばれていない", ["review-overdue"] = "支援計画の振り返りが遅れている",
        },
        Resolutions = new Dictionary<string, string>
        {
            ["next-offer-sent"] = "次の紹介を送った", ["youth-contacted"] = "若者に連絡がとれた", ["case-closed"] = "ケースを終えた", ["other"] = "その他",
            ["offer-accepted"] = "紹介が受け入れられた",
        },
    };

    internal static CoordinatorTexts English() => new()
    {
        Dashboard = "The network at a glance", DashboardText = "How referrals flow and where they stall, in counts that show no person.",
        ReferralFlow = "Referrals", ByWeek = "By week", ByMonth = "By month", ReferralsOpened = "Referrals received", Period = "Period",
        Hidden = "hidden (small)", AsTable = "See the figures as a table", HiddenNote = "So that nobody can be identified, every figure is moved by up to 2 and small ones are hidden; only weeks and months that have ended are shown.",
        LastMonth = "Last month", Offers = "Offers sent", AcceptanceRate = "Accepted", TimeToAccept = "Time to accept",
        TimeToFirstContact = "Time to first contact", Hours = "hours", PassesPerCase = "Passes per case",
        OpenEscalations = "Open escalations", StuckHandoffs = "Accepted offers without contact",
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
