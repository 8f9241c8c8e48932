namespace ReferralNet.Contracts.Codes;

/// <summary>How a service meets a young person; the first three need no visit (the field study: online first).</summary>
public static class Modalities
{
    public const string OnlineChat = "online-chat";
    public const string Video = "video";
    public const string Phone = "phone";
    public const string InPerson = "in-person";
    public const string HomeVisit = "home-visit";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(OnlineChat, Video, Phone, InPerson, HomeVisit);

    public static readonly IReadOnlySet<string> Remote = CodeSet.Of(OnlineChat, Video, Phone);
}
