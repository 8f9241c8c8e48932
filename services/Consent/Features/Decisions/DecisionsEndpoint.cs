namespace ReferralNet.Consent.Features.Decisions;

public sealed record DecisionQuery(Guid? PersonId, Guid? AgencyId, string? Category, string? Purpose)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Check(PersonId is not null, "personId", ErrorCodes.Required, "is required")
        .Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required")
        .Code(Category, DataCategories.All, "category")
        .Code(Purpose, ConsentPurposes.All, "purpose");
}

/// <summary>
/// May this agency see this category of this person's data for this purpose? For a worker asking about their own
/// agency (an auditor reads the consents themselves). The same local decision every service makes.
/// </summary>
public static class DecisionsEndpoint
{
    public static void MapDecisions(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/decisions", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("GetConsentDecision").WithSummary("Whether the caller's agency may see a category of a young person's data now");

    private static Results<Ok<AccessDecision>, ProblemHttpResult> Handle(
        [AsParameters] DecisionQuery query, Caller caller, ConsentIndex consents)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (!caller.IsWorkerOf(query.AgencyId!.Value))
        {
            return Problems.Forbidden("A worker may ask only about their own agency.");
        }
        return TypedResults.Ok(consents.Decide(query.PersonId!.Value, query.AgencyId!.Value, query.Category!, query.Purpose!));
    }
}
