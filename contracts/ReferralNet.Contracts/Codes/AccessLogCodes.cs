namespace ReferralNet.Contracts.Codes;

/// <summary>What an entry of a person's access log records (API-v2: the young person sees who used their code, too).</summary>
public static class AccessLogKinds
{
    public const string Read = "read";
    public const string CodeIssued = "code-issued";
    public const string SignedIn = "signed-in";
    public const string CredentialSet = "credential-set";
    public const string CredentialReset = "credential-reset";
}

/// <summary>
/// The records of the consent service itself that a read can be of (beside the data categories of the services'
/// reads), and the purpose an auditor reads for.
/// </summary>
public static class ConsentRecords
{
    public const string Consents = "consents";
    public const string AccessLog = "access-log";
    public const string AuditPurpose = "audit";
    public const string CoordinationPurpose = "coordination";
}
