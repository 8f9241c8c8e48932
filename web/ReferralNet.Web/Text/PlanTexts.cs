namespace ReferralNet.Web.Text;

/// <summary>
/// The support plan (API-v3 §4) in words: the worker's labels, short and professional, and the young person's, plain and
/// calm. Stepping back is written as a normal part of the path, never as a failure.
/// </summary>
public sealed partial class PlanTexts
{
    // The worker's
    public required string Plan { get; init; }
    public required string NoPlan { get; init; }
    public required string WritePlan { get; init; }
    public required string EditPlan { get; init; }
    public required string PlanPageText { get; init; }
    public required string Goals { get; init; }
    public required string GoalHint { get; init; }
    public required string Goal { get; init; }
    public required string GoalStatus { get; init; }
    public required string Steps { get; init; }
    public required string Step { get; init; }
    public required string StepKind { get; init; }
    public required string StepTitle { get; init; }
    public required string Owner { get; init; }
    public required string StepDue { get; init; }
    public required string NewRowsHint { get; init; }
    public required string NextReview { get; init; }
    public required string NextReviewHint { get; init; }
    public required string ReviewOverdue { get; init; }
    public required string SavePlan { get; init; }
    public required string PlanSaved { get; init; }
    public required string PlanChangedMeanwhile { get; init; }
    public required string Version { get; init; }
    public required string Move { get; init; }
    public required string MoveTo { get; init; }
    public required string Moved { get; init; }
    public required string MoveNote { get; init; }
    public required string RecordReview { get; init; }
    public required string ReviewText { get; init; }
    public required string Progress { get; init; }
    public required string ReviewNote { get; init; }
    public required string Reviewed { get; init; }
    public required string LastReview { get; init; }
    public required string OnTime { get; init; }
    public required string Late { get; init; }
    public required string YouthAgreed { get; init; }
    public required string YouthNotAgreed { get; init; }
    public required string YouthComments { get; init; }
    public required string NotSharedPlan { get; init; }
    public required string OnlyLeadOrKeyPerson { get; init; }
    public required string MoveNotYours { get; init; }
    public required string FollowUp { get; init; }
    public required string FollowUpText { get; init; }
    public required string FollowUpResult { get; init; }
    public required string RecordFollowUp { get; init; }
    public required string FollowUpRecorded { get; init; }
    public required string NameKeyPerson { get; init; }
    public required string KeyPersonName { get; init; }
    public required string KeyPersonAgency { get; init; }
    public required string KeyPersonNamed { get; init; }

    // The young person's
    public required string YourPlan { get; init; }
    public required string YourPlanText { get; init; }
    public required string WhatYouWant { get; init; }
    public required string StepsTogether { get; init; }
    public required string WithAgency { get; init; }
    public required string ByDay { get; init; }
    public required string NextLookTogether { get; init; }
    public required string SteppingBackIsFine { get; init; }
    public required string Agree { get; init; }
    public required string YouAgreed { get; init; }
    public required string ChangedSinceYouAgreed { get; init; }
    public required string Agreed { get; init; }
    public required string YourComment { get; init; }
    public required string CommentHint { get; init; }
    public required string SendComment { get; init; }
    public required string CommentSent { get; init; }
    public required string NoPlanYet { get; init; }

    // Codes in words
    public required IReadOnlyDictionary<string, string> StepKinds { get; init; }
    public required IReadOnlyDictionary<string, string> StepStatuses { get; init; }

    /// <summary>A step's status as the young person reads it.</summary>
    public required IReadOnlyDictionary<string, string> StepStatusesPlain { get; init; }
    public required IReadOnlyDictionary<string, string> GoalStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> Progress3 { get; init; }
    public required IReadOnlyDictionary<string, string> FollowUpResults { get; init; }
}
