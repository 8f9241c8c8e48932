namespace ReferralNet.Contracts.Codes;

public static class Roles
{
    public const string Worker = "worker";
    public const string AgencyAdmin = "agency-admin";
    public const string Coordinator = "coordinator";
    public const string Youth = "youth";

    /// <summary>A data-protection officer: reads a person's consents and access log; each read is logged to the person.</summary>
    public const string Auditor = "auditor";

    /// <summary>
    /// Whoever exchanged a young person's code, until a credential is set: may only set it. A role of its own, so that
    /// no policy that admits the young person admits a code holder by mistake.
    /// </summary>
    public const string YouthEnrolment = "youth-enrolment";

    /// <summary>The roles of real users (the development issuer gives no enrolment tokens: consent does).</summary>
    public static readonly IReadOnlySet<string> All = CodeSet.Of(Worker, AgencyAdmin, Coordinator, Youth, Auditor);
}
