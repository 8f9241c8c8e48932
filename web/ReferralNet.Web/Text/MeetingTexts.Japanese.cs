namespace ReferralNet.Web.Text;

public sealed partial class MeetingTexts
{
    internal static MeetingTexts InJapanese() => new()
    {
        Meetings = "会議", MeetingsText = "本人を支える機関の個別ケース検討会議と、つなぎの三者面談です。会議の内容は出席する機関だけが読めます。",
        NoMeetings = "このケースで貴機関が出席する会議はまだありません。", Meeting = "会議",
        ScheduleConference = "個別ケース検討会議を設定する", ProposeJointMeeting = "三者面談を提案する",
        JointMeetingWith = "つなぐ先", Date = "日付", Time = "時刻", When = "日時", Place = "場所",
        PlaceHint = "部屋の名前。オンラインだけなら空欄にしてください。", OnlineUrl = "オンライン会議のアドレス（https://）",
        Attendees = "出席する機関", AttendeesHint = "チームの機関から選びます。", YouthInvited = "本人を招く",
        YouthIsInvited = "本人も招いています。", YouthNotInvited = "本人は招いていません。", Agenda = "議題", Schedule = "設定する", Propose = "この日時で提案する",
        Scheduled = "会議を設定しました。", Minutes = "議事録", NoMinutes = "議事録はまだありません。",
        Decisions = "決まったこと", DecisionsHint = "1行に1つずつ。", Actions = "役割分担", ActionsHint = "出席した機関に割り当てます。空の行は保存されません。",
        Action = "役割", ActionAgency = "機関", ActionWhat = "内容", ActionDue = "期日", WriteMinutes = "議事録を保存する",
        MinutesSaved = "議事録を保存しました。", MarkDone = "完了", DoneOn = "完了", ActionDone = "完了にしました。",
        Confirm = "この日時で確定する", ConfirmText = "紹介元がこの日時を提案しました。確定すると、本人には決まった日時として表示されます。",
        MeetingConfirmed = "日時を確定しました。", NewTime = "別の日時", GiveNewTime = "この日時にする", MeetingMoved = "日時を変更しました。",
        YoungPersonAsked = "本人が日時の変更を希望しています", NotSharedNotes = "本人がケース記録を貴機関と共有していません。会議はケース記録の一部です。本人に確認してください。",
        WhoDoesWhat = "役割分担",
        Kinds = new Dictionary<string, string>
        {
            ["case-conference"] = "個別ケース検討会議", ["joint-first-meeting"] = "三者面談（つなぎの初回面談）", ["support-meeting"] = "支援会議",
        },
        Statuses = new Dictionary<string, string>
        {
            ["scheduled"] = "予定", ["proposed"] = "提案中（受け手の確定待ち）", ["confirmed"] = "確定", ["move-requested"] = "本人が日時の変更を希望",
        },

        Councils = "協議会", CouncilsText = "法律で守秘義務が課されるため、本人の同意の前でも本人について話し合える協議会です。",
        NoCouncils = "登録された協議会はまだありません。", RegisterCouncil = "協議会を登録する", CouncilName = "名称", LegalBasis = "根拠法",
        Members = "構成機関", MembersHint = "各機関は、今日から根拠法の守秘義務を負う機関として記録されます。", Register = "登録する",
        CouncilRegistered = "協議会を登録しました。", BoundSince = "守秘義務の開始", Convene = "支援会議を開く",
        ChangeMembers = "構成機関を変更する", MembersChanged = "構成機関を変更しました。抜けた機関は、抜けた日とともに記録に残ります。",
        ConveneText = "本人は協議会の整理番号などで示し、氏名は書きません。本人がReferralNetにつながったら、出席機関がケースと結びつけます。",
        Reference = "協議会での整理番号", ReferenceHint = "たとえば協議会の台帳の番号。",
        Convened = "支援会議を設定しました。", ConvenedMeetings = "設定した会議",
        SupportMeetings = "支援会議", SupportMeetingsText = "貴機関が出席する協議会の会議です。議事録は出席した機関だけが読めます。",
        NoSupportMeetings = "貴機関が出席する支援会議はありません。", AboutCase = "ケース", AboutReference = "対象",
        LinkCase = "本人のケースと結びつける", LinkCaseHint = "本人がReferralNetにつながったら、そのケース番号（RN-…）。", CaseReference = "ケース番号",
        CaseLinked = "会議をケースと結びつけました。", NoSuchCase = "この番号の、貴機関のケースはありません。",
        MinutesConfidential = "この議事録は出席した機関だけが読めます。ケースと結びつくと、読んだ記録が本人の「情報を見た人」に残ります。",

        YourMeetings = "あなたとの面談・会議", YourMeetingsText = "日時と場所です。都合が悪いときは、別の日時をお願いできます。",
        Online = "オンライン", OpenOnline = "オンラインで参加する", WhatWasDecided = "決まったこと", AskAnotherTime = "別の日時をお願いする",
        AskNote = "ひとこと", AskNoteHint = "たとえば、都合のよい時間帯など。", Asked = "伝えました。別の日時を提案してもらえます。",
        KindsPlain = new Dictionary<string, string>
        {
            ["case-conference"] = "あなたの支援についての話し合い", ["joint-first-meeting"] = "新しく支える人との最初の面談",
            ["support-meeting"] = "あなたの支え方について、協議会で話し合いました",
        },
        Council = "協議会", UnderLaw = "根拠", WhoWasThere = "出席した機関",
        BoundToConfidentiality = "出席した人には、聞いたことを外に話さない義務が法律で定められています。",
        LegalBases = new Dictionary<string, string>
        {
            ["social-welfare-act-106-6"] = "社会福祉法 第106条の6", ["child-welfare-act-25-2"] = "児童福祉法 第25条の2",
            ["children-young-people-act-19"] = "子ども・若者育成支援推進法 第19条",
        },
        StatusesPlain = new Dictionary<string, string>
        {
            ["scheduled"] = "予定", ["proposed"] = "調整中", ["confirmed"] = "決まりました", ["move-requested"] = "別の日時をお願いしました",
        },
    };
}
