namespace ReferralNet.Contracts.Codes;

/// <summary>How a completed handoff ended for the young person.</summary>
public static class Outcomes
{
    public const string GotHelp = "got-help";
    public const string PartlyHelped = "partly-helped";
    public const string NoLongerNeeded = "no-longer-needed";
    public const string CouldNotContact = "could-not-contact";
    public const string DeclinedByYouth = "declined-by-youth";
    public const string ReferredElsewhere = "referred-elsewhere";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        GotHelp, PartlyHelped, NoLongerNeeded, CouldNotContact, DeclinedByYouth, ReferredElsewhere);
}
