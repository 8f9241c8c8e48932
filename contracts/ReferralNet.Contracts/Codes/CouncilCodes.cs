namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The statutes under which a council's support meeting (支援会議) may talk about a person before they have agreed to
/// anything: each binds the council's members to confidentiality (API-v3 §5).
/// </summary>
public static class LegalBases
{
    /// <summary>社会福祉法 第106条の6: the support meeting of the multi-layered support system.</summary>
    public const string SocialWelfareAct106_6 = "social-welfare-act-106-6";

    /// <summary>児童福祉法 第25条の2: the regional council for children in need of protection.</summary>
    public const string ChildWelfareAct25_2 = "child-welfare-act-25-2";

    /// <summary>子ども・若者育成支援推進法 第19条: the council for supporting children and young people.</summary>
    public const string ChildrenYoungPeopleAct19 = "children-young-people-act-19";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(SocialWelfareAct106_6, ChildWelfareAct25_2, ChildrenYoungPeopleAct19);
}

/// <summary>A support meeting's minutes as an entry of the young person's access log: what was read, and under what.</summary>
public static class CouncilRecords
{
    public const string Minutes = "support-meeting-minutes";

    /// <summary>The purpose of every read of them: a statutory council's meeting, bound to confidentiality.</summary>
    public const string Purpose = "statutory-council";
}
