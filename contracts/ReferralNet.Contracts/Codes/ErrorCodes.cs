namespace ReferralNet.Contracts.Codes;

/// <summary>
/// Why a field of a request was refused (a 422's <c>errorCodes</c>, one per message of <c>errors</c>), so any client
/// says it in its reader's language (API-v3 §9).
/// </summary>
public static class ErrorCodes
{
    /// <summary>Left out or blank.</summary>
    public const string Required = "required";

    public const string TooLong = "too-long";
    public const string TooShort = "too-short";

    /// <summary>A number, a day or a count outside what is allowed.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>Not one of the values allowed: a code of another list, an id of nothing the request may name.</summary>
    public const string UnknownValue = "unknown-value";

    /// <summary>A place that is no municipality (the closest are offered).</summary>
    public const string NotAMunicipality = "not-a-municipality";

    /// <summary>A place name several municipalities share (each is offered).</summary>
    public const string AmbiguousMunicipality = "ambiguous-municipality";

    /// <summary>Not in the form the field takes: an e-mail address, a period, a language tag, a document.</summary>
    public const string InvalidFormat = "invalid-format";

    /// <summary>Well-formed, but not allowed here: an agency not on the team, a move to the status it has.</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>The same thing named twice.</summary>
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        Required, TooLong, TooShort, OutOfRange, UnknownValue, NotAMunicipality, AmbiguousMunicipality, InvalidFormat, NotAllowed, Duplicate);
}
