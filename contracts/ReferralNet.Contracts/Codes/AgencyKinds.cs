namespace ReferralNet.Contracts.Codes;

public static class AgencyKinds
{
    public const string School = "school";
    public const string Clinic = "clinic";
    public const string WelfareOffice = "welfare-office";
    public const string ChildConsultationCentre = "child-consultation-centre";
    public const string YouthSupportCentre = "youth-support-centre";
    public const string Cso = "cso";
    public const string EmploymentSupport = "employment-support";
    public const string Other = "other";

    /// <summary>What insights shows for an agency whose AgencyListed it has not seen (registered before the event existed).</summary>
    public const string Unlisted = "unlisted";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        School, Clinic, WelfareOffice, ChildConsultationCentre, YouthSupportCentre, Cso, EmploymentSupport, Other);
}
