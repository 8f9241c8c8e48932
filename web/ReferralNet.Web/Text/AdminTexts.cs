namespace ReferralNet.Web.Text;

/// <summary>The agency administrator's pages: their agency's services in the directory.</summary>
public sealed class AdminTexts
{
    public required string Services { get; init; }
    public required string ServicesText { get; init; }
    public required string NoServices { get; init; }
    public required string NewService { get; init; }
    public required string EditService { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Needs { get; init; }
    public required string Modalities { get; init; }
    public required string AgeMin { get; init; }
    public required string AgeMax { get; init; }
    public required string Municipalities { get; init; }
    public required string MunicipalitiesHint { get; init; }
    public required string TownN { get; init; }
    public required string Languages { get; init; }
    public required string LanguagesHint { get; init; }
    public required string Fee { get; init; }
    public required string PlacesAvailable { get; init; }
    public required string PlacesMaximum { get; init; }
    public required string PlacesHint { get; init; }
    public required string WaitWeeks { get; init; }
    public required string Active { get; init; }
    public required string Inactive { get; init; }
    public required string Published { get; init; }
    public required string IsPublished { get; init; }
    public required string PublishedHint { get; init; }
    public required string Unmapped { get; init; }
    public required string Capacity { get; init; }
    public required string SaveCapacity { get; init; }
    public required string Saved { get; init; }
    public required string Terms { get; init; }
    public required string TermsText { get; init; }
    public required string NoTerms { get; init; }
    public required string Term { get; init; }
    public required string MapsTo { get; init; }
    public required string NoNeed { get; init; }
    public required string MapTerm { get; init; }
    public required string Edit { get; init; }

    internal static AdminTexts Japanese() => new()
    {
        Services = "機関のサービス", ServicesText = "支援者が紹介先を選ぶとき、ここに書かれた内容で候補が決まります。空き状況はいつも最新に。",
        NoServices = "まだサービスがありません。", NewService = "サービスを追加する", EditService = "サービスを編集する",
        Name = "名前", Description = "説明", Needs = "対応する支援", Modalities = "会い方", AgeMin = "対象年齢（下限）", AgeMax = "対象年齢（上限）",
        Municipalities = "対象の市区町村", MunicipalitiesHint = "1つの欄に1つずつ、漢字・ひらがな・ローマ字のどれでも。入力すると候補が出ます。すべて空欄なら地域の制限なし（オンラインのみのサービスなど）。保存すると、空いた欄がまた増えます。", TownN = "市区町村 {0}",
        Languages = "対応できる言語", LanguagesHint = "言語コードをカンマで区切ります（例：ja, en）。", Fee = "費用",
        PlacesAvailable = "いまの空き", PlacesMaximum = "定員", PlacesHint = "定員を数えないサービスは両方 0。", WaitWeeks = "空きがないときの待機（週）",
        Active = "受け付けている", Inactive = "受け付けていない", Published = "若い人が見られるように公開する", IsPublished = "公開中", PublishedHint = "公開すると、若い人がアカウントなしで見つけて相談できます。",
        Unmapped = "支援の分類が未設定（候補に出ません）", Capacity = "空き状況", SaveCapacity = "空き状況を保存", Saved = "保存しました。",
        Terms = "取り込んだ分類", TermsText = "他のシステムから取り込んだサービスの分類です。ReferralNet の支援の分類に対応づけると、候補に出るようになります。",
        NoTerms = "対応づけが必要な分類はありません。", Term = "分類", MapsTo = "対応する支援", NoNeed = "対応なし", MapTerm = "対応づける", Edit = "編集",
    };

    internal static AdminTexts English() => new()
    {
        Services = "Your agency's services", ServicesText = "Workers' suggestions come from what is written here. Keep the free places current.",
        NoServices = "No service yet.", NewService = "Add a service", EditService = "Edit the service",
        Name = "Name", Description = "Description", Needs = "Needs covered", Modalities = "How it meets young people", AgeMin = "Youngest age", AgeMax = "Oldest age",
        Municipalities = "Towns served", MunicipalitiesHint = "One town per field, in kanji, kana or Latin letters, offered as you type. All empty: no area limit (an online-only service, say). Saving gives you empty fields again.", TownN = "Town {0}",
        Languages = "Languages", LanguagesHint = "Language codes separated by commas (ja, en).", Fee = "Cost",
        PlacesAvailable = "Free places now", PlacesMaximum = "Places in all", PlacesHint = "0 and 0 for a service that keeps no count.", WaitWeeks = "Weeks of waiting when full",
        Active = "Taking referrals", Inactive = "Not taking referrals", Published = "Publish for young people", IsPublished = "Published for young people", PublishedHint = "Published services can be found by young people without an account, who can ask for them.",
        Unmapped = "No need mapped (not suggested)", Capacity = "Places", SaveCapacity = "Save places", Saved = "Saved.",
        Terms = "Imported terms", TermsText = "Terms of another system's taxonomy on imported services. Map them to ReferralNet's needs and the services are suggested.",
        NoTerms = "No term needs mapping.", Term = "Term", MapsTo = "Need", NoNeed = "none", MapTerm = "Map", Edit = "Edit",
    };
}
