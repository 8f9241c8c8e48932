namespace ReferralNet.Web.Text;

/// <summary>
/// The support plan (API-v3 §4) in words: the worker's labels, short and professional, and the young person's, plain and
/// calm. Stepping back is written as a normal part of the path, never as a failure.
/// </summary>
public sealed class PlanTexts
{
    // The worker's
    public required string Plan { get; init; }
    public required string NoPlan { get; init; }
    public required string WritePlan { get; init; }
    public required string EditPlan { get; init; }
    public required string PlanPageText { get; init; }
    public required string Goals { get; init; }
    public required string GoalHint { get; init; }
    public required string Goal { get; init; }
    public required string GoalStatus { get; init; }
    public required string Steps { get; init; }
    public required string Step { get; init; }
    public required string StepKind { get; init; }
    public required string StepTitle { get; init; }
    public required string Owner { get; init; }
    public required string StepDue { get; init; }
    public required string NewRowsHint { get; init; }
    public required string NextReview { get; init; }
    public required string NextReviewHint { get; init; }
    public required string ReviewOverdue { get; init; }
    public required string SavePlan { get; init; }
    public required string PlanSaved { get; init; }
    public required string PlanChangedMeanwhile { get; init; }
    public required string Version { get; init; }
    public required string Move { get; init; }
    public required string MoveTo { get; init; }
    public required string Moved { get; init; }
    public required string MoveNote { get; init; }
    public required string RecordReview { get; init; }
    public required string ReviewText { get; init; }
    public required string Progress { get; init; }
    public required string ReviewNote { get; init; }
    public required string Reviewed { get; init; }
    public required string LastReview { get; init; }
    public required string OnTime { get; init; }
    public required string Late { get; init; }
    public required string YouthAgreed { get; init; }
    public required string YouthNotAgreed { get; init; }
    public required string YouthComments { get; init; }
    public required string NotSharedPlan { get; init; }
    public required string OnlyLeadOrKeyPerson { get; init; }
    public required string MoveNotYours { get; init; }
    public required string FollowUp { get; init; }
    public required string FollowUpText { get; init; }
    public required string FollowUpResult { get; init; }
    public required string RecordFollowUp { get; init; }
    public required string FollowUpRecorded { get; init; }
    public required string NameKeyPerson { get; init; }
    public required string KeyPersonName { get; init; }
    public required string KeyPersonAgency { get; init; }
    public required string KeyPersonNamed { get; init; }

    // The young person's
    public required string YourPlan { get; init; }
    public required string YourPlanText { get; init; }
    public required string WhatYouWant { get; init; }
    public required string StepsTogether { get; init; }
    public required string WithAgency { get; init; }
    public required string ByDay { get; init; }
    public required string NextLookTogether { get; init; }
    public required string SteppingBackIsFine { get; init; }
    public required string Agree { get; init; }
    public required string YouAgreed { get; init; }
    public required string ChangedSinceYouAgreed { get; init; }
    public required string Agreed { get; init; }
    public required string YourComment { get; init; }
    public required string CommentHint { get; init; }
    public required string SendComment { get; init; }
    public required string CommentSent { get; init; }
    public required string NoPlanYet { get; init; }

    // Codes in words
    public required IReadOnlyDictionary<string, string> StepKinds { get; init; }
    public required IReadOnlyDictionary<string, string> StepStatuses { get; init; }

    /// <summary>A step's status as the young person reads it.</summary>
    public required IReadOnlyDictionary<string, string> StepStatusesPlain { get; init; }
    public required IReadOnlyDictionary<string, string> GoalStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> Progress3 { get; init; }
    public required IReadOnlyDictionary<string, string> FollowUpResults { get; init; }

    internal static PlanTexts Japanese() => new()
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

    internal static PlanTexts English() => new()
    {
        Plan = "Support plan", NoPlan = "No support plan yet.", WritePlan = "Write the support plan", EditPlan = "Edit or review the plan",
        PlanPageText = "Goals in the young person's own words. Steps one at a time; stepping back is part of the plan.",
        Goals = "Goals", GoalHint = "In the young person's words.", Goal = "Goal", GoalStatus = "Goal status",
        Steps = "Steps", Step = "Step", StepKind = "Kind", StepTitle = "What", Owner = "Agency", StepDue = "Around",
        NewRowsHint = "Empty rows are not saved. Empty a row's text to remove it.",
        NextReview = "Next review", NextReviewHint = "Left empty: in 90 days.", ReviewOverdue = "The review date has passed",
        SavePlan = "Save the plan", PlanSaved = "The plan was saved.",
        PlanChangedMeanwhile = "Someone else changed the plan meanwhile. This is the latest plan; make your change again.",
        Version = "version", Move = "Move", MoveTo = "Step status", Moved = "The step was moved.", MoveNote = "Note (optional)",
        RecordReview = "Record a review", ReviewText = "For each goal, how it went since the last review.",
        Progress = "Since last time", ReviewNote = "Note (optional)", Reviewed = "The review was recorded.", LastReview = "Last review",
        OnTime = "on time", Late = "late", YouthAgreed = "Agreed by the young person", YouthNotAgreed = "The young person has not agreed yet",
        YouthComments = "The young person's comments", NotSharedPlan = "The young person has not shared their support plan with your agency. Ask them.",
        OnlyLeadOrKeyPerson = "The lead agency or the key person's agency writes and reviews the plan.",
        MoveNotYours = "A step is moved by the agency that owns it, or by the lead agency.",
        FollowUp = "Follow-up after closing", FollowUpText = "Half a year after the case closed: check how the young person is doing and record it.",
        FollowUpResult = "What you found", RecordFollowUp = "Record the follow-up", FollowUpRecorded = "The follow-up was recorded.",
        NameKeyPerson = "Name the key person", KeyPersonName = "Key person's name", KeyPersonAgency = "Their agency", KeyPersonNamed = "The key person was named.",

        YourPlan = "Your plan", YourPlanText = "What you and the people helping you decided to do next.",
        WhatYouWant = "What you want", StepsTogether = "One step at a time", WithAgency = "with", ByDay = "around",
        NextLookTogether = "When you look at it together again", SteppingBackIsFine = "It is fine to rest or take a step back.",
        Agree = "This plan is okay", YouAgreed = "You said this plan is okay.", ChangedSinceYouAgreed = "The plan changed after you said it was okay.",
        Agreed = "We told them.", YourComment = "A few words", CommentHint = "Anything that worries you or that you would like changed, in your words.",
        SendComment = "Send", CommentSent = "Sent. The person looking after you will read it.", NoPlanYet = "There is no plan yet.",

        StepKinds = new Dictionary<string, string>
        {
            ["online-contact"] = "Online contact", ["small-group"] = "A small group", ["in-person"] = "Meeting in person",
            ["training"] = "Training", ["school"] = "School", ["work"] = "Work", ["other"] = "Other",
        },
        StepStatuses = new Dictionary<string, string>
        {
            ["planned"] = "Planned", ["started"] = "Started", ["done"] = "Done", ["paused"] = "Paused", ["stepped-back"] = "Stepped back",
        },
        StepStatusesPlain = new Dictionary<string, string>
        {
            ["planned"] = "Coming up", ["started"] = "Doing it", ["done"] = "Done", ["paused"] = "Resting", ["stepped-back"] = "Taking a break",
        },
        GoalStatuses = new Dictionary<string, string> { ["open"] = "Working on it", ["reached"] = "Reached", ["set-aside"] = "Set aside" },
        Progress3 = new Dictionary<string, string> { ["better"] = "Better", ["same"] = "The same", ["harder"] = "Harder" },
        FollowUpResults = new Dictionary<string, string>
        {
            ["still-connected"] = "Still connected", ["needs-help-again"] = "Needs help again (reopens the case)", ["no-contact"] = "Could not reach them",
        },
    };
}
