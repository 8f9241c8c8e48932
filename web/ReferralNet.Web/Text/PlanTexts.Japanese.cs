namespace ReferralNet.Web.Text;

public sealed partial class PlanTexts
{
    internal static PlanTexts InJapanese() => new()
    {
        Plan = "支援計画", NoPlan = "まだ支援計画はありません。", WritePlan = "支援計画をつくる", EditPlan = "計画を編集・振り返り",
        PlanPageText = "目標は本人の言葉で書きます。ステップは一歩ずつ。戻ることも計画のうちです。",
        Goals = "目標", GoalHint = "本人の言葉で。", Goal = "目標", GoalStatus = "目標の状態",
        Steps = "ステップ", Step = "ステップ", StepKind = "種類", StepTitle = "内容", Owner = "担当機関", StepDue = "目安の日",
        NewRowsHint = "空欄の行は保存されません。行を消すには内容を空にします。",
        NextReview = "次の振り返り", NextReviewHint = "空欄なら90日後。", ReviewOverdue = "振り返りの日を過ぎています",
        SavePlan = "計画を保存する", PlanSaved = "計画を保存しました。",
        PlanChangedMeanwhile = "ほかの人がこの間に計画を変えました。最新の計画を表示しています。もう一度変更してください。",
        Version = "版", Move = "進める・戻す", MoveTo = "ステップの状態", Moved = "ステップを動かしました。", MoveNote = "メモ（任意）",
        RecordReview = "振り返りを記録する", ReviewText = "目標ごとに、前回からどうだったかを記録します。",
        Progress = "前回から", ReviewNote = "メモ（任意）", Reviewed = "振り返りを記録しました。", LastReview = "前回の振り返り",
        OnTime = "期限内", Late = "期限後", YouthAgreed = "本人が同意", YouthNotAgreed = "本人はまだ同意していません",
        YouthComments = "本人のコメント", NotSharedPlan = "本人は支援計画をあなたの機関と共有していません。本人に相談してください。",
        OnlyLeadOrKeyPerson = "計画を書くのと振り返りは、担当の中心の機関か主担当者の機関が行います。",
        MoveNotYours = "ステップを動かすのは、そのステップの担当機関か担当の中心の機関です。",
        FollowUp = "終了後のフォローアップ", FollowUpText = "ケースの終了から半年。本人の様子を確かめて記録します。",
        FollowUpResult = "確かめた結果", RecordFollowUp = "フォローアップを記録する", FollowUpRecorded = "フォローアップを記録しました。",
        NameKeyPerson = "主担当者を決める", KeyPersonName = "主担当者の名前", KeyPersonAgency = "所属機関", KeyPersonNamed = "主担当者を決めました。",

        YourPlan = "あなたの計画", YourPlanText = "あなたと支援者で決めた、これからのことです。",
        WhatYouWant = "あなたがしたいこと", StepsTogether = "一歩ずつ", WithAgency = "いっしょに", ByDay = "目安",
        NextLookTogether = "次にいっしょに見直す日", SteppingBackIsFine = "休んだり、一歩戻ったりしてもだいじょうぶです。",
        Agree = "この計画でいい", YouAgreed = "あなたはこの計画に「いい」と伝えました。", ChangedSinceYouAgreed = "あなたが「いい」と伝えた後で、計画が変わりました。",
        Agreed = "伝えました。", YourComment = "ひとこと", CommentHint = "気になること、変えてほしいことを、あなたの言葉で。",
        SendComment = "送る", CommentSent = "送りました。担当者が読みます。", NoPlanYet = "計画はまだありません。",

        StepKinds = new Dictionary<string, string>
        {
            ["online-contact"] = "オンラインでのやりとり", ["small-group"] = "少人数の集まり", ["in-person"] = "会って話す・活動",
            ["training"] = "訓練", ["school"] = "学校", ["work"] = "仕事", ["other"] = "その他",
        },
        StepStatuses = new Dictionary<string, string>
        {
            ["planned"] = "予定", ["started"] = "取り組み中", ["done"] = "できた", ["paused"] = "休止中", ["stepped-back"] = "一歩戻った",
        },
        StepStatusesPlain = new Dictionary<string, string>
        {
            ["planned"] = "これから", ["started"] = "やっています", ["done"] = "できました", ["paused"] = "おやすみ中", ["stepped-back"] = "ひと休み",
        },
        GoalStatuses = new Dictionary<string, string> { ["open"] = "取り組み中", ["reached"] = "達成", ["set-aside"] = "いったん置く" },
        Progress3 = new Dictionary<string, string> { ["better"] = "よくなった", ["same"] = "変わらない", ["harder"] = "むずかしくなった" },
        FollowUpResults = new Dictionary<string, string>
        {
            ["still-connected"] = "つながりが続いている", ["needs-help-again"] = "また支援が必要（ケースを再開）", ["no-contact"] = "連絡がとれない",
        },
    };
}
