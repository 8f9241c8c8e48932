namespace ReferralNet.Contracts.Codes;

/// <summary>
/// Where a step of a support plan leads along the gradual pathway of the field study (API-v3 §4): online contact
/// first, then small groups, in-person activities, then school, training or work.
/// </summary>
public static class StepKinds
{
    public const string OnlineContact = "online-contact";
    public const string SmallGroup = "small-group";
    public const string InPerson = "in-person";
    public const string Training = "training";
    public const string School = "school";
    public const string Work = "work";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(OnlineContact, SmallGroup, InPerson, Training, School, Work, Other);
}

/// <summary>
/// Where a step stands. It changes only by a move; stepping back is an ordinary move, never a failure or an escalation.
/// </summary>
public static class StepStatuses
{
    public const string Planned = "planned";
    public const string Started = "started";
    public const string Done = "done";
    public const string Paused = "paused";
    public const string SteppedBack = "stepped-back";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Planned, Started, Done, Paused, SteppedBack);

    /// <summary>What a move may set: every status but the one a new step starts with.</summary>
    public static readonly IReadOnlySet<string> MoveTargets = CodeSet.Of(Started, Done, Paused, SteppedBack);

    /// <summary>A move to one of these counts as a step forward in the network's figures; stepped-back as a step back.</summary>
    public static readonly IReadOnlySet<string> Forward = CodeSet.Of(Started, Done);
}

/// <summary>Where a goal of the plan stands, in the young person's words.</summary>
public static class GoalStatuses
{
    public const string Open = "open";
    public const string Reached = "reached";
    public const string SetAside = "set-aside";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Open, Reached, SetAside);
}

/// <summary>How a goal went since the last review.</summary>
public static class ReviewProgress
{
    public const string Better = "better";
    public const string Same = "same";
    public const string Harder = "harder";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Better, Same, Harder);
}

/// <summary>What the follow-up after closing found (API-v3 §4).</summary>
public static class FollowUpResults
{
    public const string StillConnected = "still-connected";
    public const string NeedsHelpAgain = "needs-help-again";
    public const string NoContact = "no-contact";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(StillConnected, NeedsHelpAgain, NoContact);
}

/// <summary>What changed a plan into a new version (GET …/plan/versions).</summary>
public static class PlanChanges
{
    public const string Written = "written";
    public const string StepMoved = "step-moved";
    public const string Reviewed = "reviewed";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Written, StepMoved, Reviewed);
}
