namespace ReferralNet.Contracts.Codes;

/// <summary>What an entry of a person's access log records (API-v2: the young person sees who used their code, too).</summary>
public static class AccessLogKinds
{
    public const string Read = "read";
    public const string CodeIssued = "code-issued";
    public const string SignedIn = "signed-in";
    public const string CredentialSet = "credential-set";
    /// <summary>A credential was chosen with a staff-issued reset code: it waits Consent:ResetDelay (API-v3 §2).</summary>
    public const string ResetRequested = "reset-requested";

    /// <summary>The young person's current credential cancelled a waiting reset.</summary>
    public const string ResetCancelled = "reset-cancelled";

    /// <summary>A new credential took the place of the old one (a waiting reset, when its delay ended).</summary>
    public const string CredentialReset = "credential-reset";

    /// <summary>A coordinator gave the young person's escalated case to an agency (which then takes part in it).</summary>
    public const string Assigned = "assigned";
}

/// <summary>
/// The records of the consent service itself that a read can be of (beside the data categories of the services'
/// reads), and the purpose an auditor reads for.
/// </summary>
public static class ConsentRecords
{
    public const string Consents = "consents";
    public const string AccessLog = "access-log";

    /// <summary>Which agencies take part in the person's cases.</summary>
    public const string Participants = "participants";
    public const string AuditPurpose = "audit";

    /// <summary>Entries of the young person's own sign-in: what was used (the category) and why (the purpose).</summary>
    public const string AccessCode = "access-code";
    public const string Passphrase = "passphrase";
    public const string Passkey = "passkey";
    public const string OwnAccessPurpose = "own-access";
}

/// <summary>
/// What a youth token may do: only set a credential (after a code), everything the young person may, or — signed in
/// with a credential still waiting after a reset — only look and stop sharing.
/// </summary>
public static class YouthTokenScopes
{
    public const string Enrol = "enrol";
    public const string Full = "full";
    public const string Limited = "limited";
}
