namespace ReferralNet.Web.Text;

public sealed partial class AdminTexts
{
    internal static AdminTexts InJapanese() => new()
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
}
