namespace ReferralNet.Web.Text;

public sealed partial class CoordinatorTexts
{
    internal static CoordinatorTexts InJapanese() => new()
    {
        Dashboard = "ネットワークの状況", DashboardText = "紹介の流れとつまずきを、人が特定できない数で示します。",
        ReferralFlow = "紹介の件数", ByWeek = "週ごと", ByMonth = "月ごと", ReferralsOpened = "受け付けた紹介", Period = "期間",
        Hidden = "少数のため非表示", AsTable = "数値を表で見る", HiddenNote = "個人が特定されないよう、どの数も最大2だけずらして示し、ずらした後も少ない数は表示しません。終わった週・月の数だけを示します。",
        LastMonth = "先月", Offers = "送られた紹介", AcceptanceRate = "受け入れ率", TimeToAccept = "受け入れまでの時間",
        TimeToFirstContact = "最初の連絡までの時間", Hours = "時間", PassesPerCase = "たらい回しの回数（ケースごと）",
        OpenEscalations = "未対応のエスカレーション", StuckHandoffs = "連絡が止まっている紹介",
        ConferencesHeld = "開催した個別ケース検討会議", JointMeetingsHeld = "開催した三者面談", ActionsOnTime = "期日内に完了した役割", ActionsLate = "期日後に完了した役割", SupportMeetingsOf = "支援会議:",
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
}
