namespace ReferralNet.Web.Text;

public sealed partial class PlanTexts
{
    internal static PlanTexts InEnglish() => new()
    {
        Plan = "Support plan", NoPlan = "No support plan yet.", WritePlan = "Write the support plan", EditPlan = "Edit or review the plan",
        PlanPageText = "Goals in the young person's own words. Steps one at a time; stepping back is part of the plan.",
        Goals = "Goals", GoalHint = "In the young person's words.", Goal = "Goal", GoalStatus = "Goal status",
        Steps = "Steps", Step = "Step", StepKind = "Kind", StepTitle = "What", Owner = "Agency", StepDue = "Around",
        NewRowsHint = "Empty rows are not saved. Empty a row's text to remove it.",
        NextReview = "Next review", NextReviewHint = "Left empty: in 90 days.", ReviewOverdue = "The review date has passed",
        SavePlan = "Save the plan", PlanSaved = "The plan was saved.",
        PlanChangedMeanwhile = "Someone else changed the plan meanwhile. This is the latest plan; make your change again.",
        Version = "version", Move = "Move", MoveTo = "Step status", Moved = "The step was moved.", MoveNote = "Note (optional)",
        RecordReview = "Record a review", ReviewText = "For each goal, how it went since the last review.",
        Progress = "Since last time", ReviewNote = "Note (optional)", Reviewed = "The review was recorded.", LastReview = "Last review",
        OnTime = "on time", Late = "late", YouthAgreed = "Agreed by the young person", YouthNotAgreed = "The young person has not agreed yet",
        YouthComments = "The young person's comments", NotSharedPlan = "The young person has not shared their support plan with your agency. Ask them.",
        OnlyLeadOrKeyPerson = "The lead agency or the key person's agency writes and reviews the plan.",
        MoveNotYours = "A step is moved by the agency that owns it, or by the lead agency.",
        FollowUp = "Follow-up after closing", FollowUpText = "Half a year after the case closed: check how the young person is doing and record it.",
        FollowUpResult = "What you found", RecordFollowUp = "Record the follow-up", FollowUpRecorded = "The follow-up was recorded.",
        NameKeyPerson = "Name the key person", KeyPersonName = "Key person's name", KeyPersonAgency = "Their agency", KeyPersonNamed = "The key person was named.",

        YourPlan = "Your plan", YourPlanText = "What you and the people helping you decided to do next.",
        WhatYouWant = "What you want", StepsTogether = "One step at a time", WithAgency = "with", ByDay = "around",
        NextLookTogether = "When you look at it together again", SteppingBackIsFine = "It is fine to rest or take a step back.",
        Agree = "This plan is okay", YouAgreed = "You said this plan is okay.", ChangedSinceYouAgreed = "The plan changed after you said it was okay.",
        Agreed = "We told them.", YourComment = "A few words", CommentHint = "Anything that worries you or that you would like changed, in your words.",
        SendComment = "Send", CommentSent = "Sent. The person looking after you will read it.", NoPlanYet = "There is no plan yet.",

        StepKinds = new Dictionary<string, string>
        {
            ["online-contact"] = "Online contact", ["small-group"] = "A small group", ["in-person"] = "Meeting in person",
            ["training"] = "Training", ["school"] = "School", ["work"] = "Work", ["other"] = "Other",
        },
        StepStatuses = new Dictionary<string, string>
        {
            ["planned"] = "Planned", ["started"] = "Started", ["done"] = "Done", ["paused"] = "Paused", ["stepped-back"] = "Stepped back",
        },
        StepStatusesPlain = new Dictionary<string, string>
        {
            ["planned"] = "Coming up", ["started"] = "Doing it", ["done"] = "Done", ["paused"] = "Resting", ["stepped-back"] = "Taking a break",
        },
        GoalStatuses = new Dictionary<string, string> { ["open"] = "Working on it", ["reached"] = "Reached", ["set-aside"] = "Set aside" },
        Progress3 = new Dictionary<string, string> { ["better"] = "Better", ["same"] = "The same", ["harder"] = "Harder" },
        FollowUpResults = new Dictionary<string, string>
        {
            ["still-connected"] = "Still connected", ["needs-help-again"] = "Needs help again (reopens the case)", ["no-contact"] = "Could not reach them",
        },
    };
}
