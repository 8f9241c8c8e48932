namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>Authorization policy names, the same in the gateway's routes and in every service.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Worker = Roles.Worker;
    public const string Coordinator = Roles.Coordinator;
    /// <summary>Agency staff and coordinators: anyone who works in the network, not the young person.</summary>
    public const string Staff = "staff";
    public const string DirectoryEditor = "directory-editor";

    /// <summary>Give or revoke a person's consent: the young person themself, or a worker of an agency in their case.</summary>
    public const string ConsentParty = "consent-party";

    /// <summary>Read a person's consents and receipts: the consent parties, and auditors (each read logged to the person).</summary>
    public const string ConsentReader = "consent-reader";

    /// <summary>Read who looked at a person's data: the young person themself, and auditors.</summary>
    public const string AccessLogReader = "access-log-reader";

    /// <summary>A young person's team: the young person themself, or a worker of an agency in their case (API-v3 §1).</summary>
    public const string TeamParty = "team-party";

    /// <summary>The young person's own records of themself (their waiting reset): their own token, full or limited.</summary>
    public const string Youth = Roles.Youth;

    /// <summary>Set the young person's credential: only with the short enrolment token a code gives.</summary>
    public const string YouthEnrolment = Roles.YouthEnrolment;
}
