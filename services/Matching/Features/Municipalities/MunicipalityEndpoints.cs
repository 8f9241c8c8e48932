namespace ReferralNet.Matching.Features.Municipalities;

/// <summary>A search of the municipality register: any part of any name, in kanji, kana or Latin letters (API-v3 §8).</summary>
public sealed record MunicipalityQuery(string? Q, int? Limit)
{
    public const int DefaultLimit = 10;
    public const int MostLimit = 50;

    public ValidationErrors Validate() => new ValidationErrors()
        .Required(Q, "q", ValidationErrors.MostPlaceNameLength)
        .Check(Limit is null or >= 1 and <= MostLimit, "limit", ErrorCodes.OutOfRange, $"must be between 1 and {MostLimit}");
}

public sealed record MunicipalityList(IReadOnlyList<Municipality> Items);

public static class MunicipalityEndpoints
{
    /// <summary>Anyone may ask: the register is public, and the young person's own form chooses from it before signing in.</summary>
    public static void MapMunicipalities(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/municipalities", Search).AllowAnonymous()
            .WithName("SearchMunicipalities").WithSummary("Finds municipalities by any part of a name in kanji, kana or romaji");

    private static Results<Ok<MunicipalityList>, ProblemHttpResult> Search([AsParameters] MunicipalityQuery query)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(new MunicipalityList(MunicipalityRegister.Japan.Search(query.Q!, query.Limit ?? MunicipalityQuery.DefaultLimit)));
    }
}
