namespace ReferralNet.Web.Text;

/// <summary>The coordinator's dashboard: figures of the whole network, never a person.</summary>
public sealed partial class CoordinatorTexts
{
    public required string Dashboard { get; init; }
    public required string DashboardText { get; init; }
    public required string ReferralFlow { get; init; }
    public required string ByWeek { get; init; }
    public required string ByMonth { get; init; }
    public required string ReferralsOpened { get; init; }
    public required string Period { get; init; }
    public required string Hidden { get; init; }
    public required string AsTable { get; init; }
    public required string HiddenNote { get; init; }
    public required string LastMonth { get; init; }
    public required string Offers { get; init; }
    public required string AcceptanceRate { get; init; }
    public required string TimeToAccept { get; init; }
    public required string TimeToFirstContact { get; init; }
    public required string Hours { get; init; }
    public required string PassesPerCase { get; init; }
    public required string OpenEscalations { get; init; }
    public required string StuckHandoffs { get; init; }
    public required string SupportPlans { get; init; }
    public required string ConferencesHeld { get; init; }
    public required string JointMeetingsHeld { get; init; }
    public required string ActionsOnTime { get; init; }
    public required string ActionsLate { get; init; }
    public required string SupportMeetingsOf { get; init; }
    public required string StepsForward { get; init; }
    public required string StepsBack { get; init; }
    public required string ReviewsOnTime { get; init; }
    public required string ReviewsLate { get; init; }
    public required string FollowUpsStillConnected { get; init; }
    public required string FollowUpsNeedHelpAgain { get; init; }
    public required string FollowUpsNoContact { get; init; }
    public required string FlowBetweenKinds { get; init; }
    public required string FromKind { get; init; }
    public required string ToKind { get; init; }
    public required string Accepted { get; init; }
    public required string Passed { get; init; }
    public required string NoFlow { get; init; }
    public required string Escalations { get; init; }
    public required string NoEscalations { get; init; }
    public required string Opened { get; init; }
    public required string Reason { get; init; }
    public required string Passes { get; init; }
    public required string Assigned { get; init; }
    public required string AssignTo { get; init; }
    public required string AssignToHint { get; init; }
    public required string ChooseAnAgency { get; init; }
    public required string Assign { get; init; }
    public required string Resolution { get; init; }
    public required string Resolve { get; init; }
    public required string AssignedDone { get; init; }
    public required string ResolvedDone { get; init; }
    public required IReadOnlyDictionary<string, string> EscalationReasons { get; init; }
    public required IReadOnlyDictionary<string, string> Resolutions { get; init; }
}
