using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Consent.Features.Decisions;

/// <summary>
/// May this agency see this category of this person's data for this purpose? For a worker asking about their own
/// agency (an auditor reads the consents themselves). The same local decision every service makes.
/// </summary>
public static class DecisionsEndpoint
{
    public static void MapDecisions(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/decisions", Handle).RequirePersonAccess(Policies.Worker);

    private static Results<Ok<AccessDecision>, ProblemHttpResult> Handle(
        Guid? personId, Guid? agencyId, string? category, string? purpose, Caller caller, ConsentIndex consents)
    {
        var errors = new ValidationErrors()
            .Check(personId is not null, "personId", "is required")
            .Check(agencyId is not null, "agencyId", "is required")
            .Code(category, Vocabulary.DataCategories, "category")
            .Code(purpose, Vocabulary.ConsentPurposes, "purpose");
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (!caller.IsWorkerOf(agencyId!.Value))
        {
            return Problems.Forbidden("A worker may ask only about their own agency.");
        }
        return TypedResults.Ok(consents.Decide(personId!.Value, agencyId!.Value, category!, purpose!));
    }
}
