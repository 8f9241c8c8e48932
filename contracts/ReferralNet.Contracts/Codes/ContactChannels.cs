namespace ReferralNet.Contracts.Codes;

/// <summary>How a young person who asked for help themself wants to be contacted.</summary>
public static class ContactChannels
{
    public const string Line = "line";
    public const string Email = "email";
    public const string Phone = "phone";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Line, Email, Phone);
}
