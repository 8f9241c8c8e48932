namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>Authorization policy names, the same in the gateway's routes and in every service.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Worker = "worker";
    public const string Coordinator = "coordinator";
    /// <summary>Agency staff and coordinators: anyone who works in the network, not the young person.</summary>
    public const string Staff = "staff";
    public const string DirectoryEditor = "directory-editor";
}
