using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.Search;

/// <summary>
/// A worker's search of the directory: free text (every word, in any order, in the name, description or codes), the
/// need, modality and town filters, and with <see cref="ReferralId"/> only the services that may take that young
/// person, ranked for them with their reasons.
/// </summary>
public sealed record SearchQuery(string? Q, string? Need, string? Modality, string? Municipality, Guid? ReferralId, int? Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public ValidationErrors Validate() => Text.Validate(new ValidationErrors(), "q")
        .Check(Need is null || Needs.All.Contains(Need), "need", ErrorCodes.UnknownValue, "must be a need code")
        .Check(Modality is null || Modalities.All.Contains(Modality), "modality", ErrorCodes.UnknownValue, "must be a modality code")
        .Municipality(Municipality, "municipality", required: false)
        .Check(Limit is null or >= 1 and <= MaxLimit, "limit", ErrorCodes.OutOfRange, $"must be between 1 and {MaxLimit}");

    private SearchText Text => new(Q);

    public IReadOnlyList<string> Words => Text.Words;

    /// <summary>The words as the directory's copy compares them (<see cref="ListedService.Fold"/>).</summary>
    public IReadOnlyList<string> FoldedWords => [.. Text.Words.Select(ListedService.Fold)];
}

/// <summary>
/// Free text to find in the directory: every word must appear, in any order, case-insensitive. Matching words as they
/// stand needs no word segmentation, so Japanese works as English does. In SQL (the HSDS read API) each word is an
/// ILIKE pattern over the service's <c>search_text</c>, its wildcards taken literally.
/// </summary>
public sealed record SearchText(string? Text)
{
    public const int MaxLength = 100;
    public const int MaxWords = 8;

    public ValidationErrors Validate(ValidationErrors errors, string field) => errors
        .Check((Text?.Length ?? 0) <= MaxLength, field, ErrorCodes.TooLong, $"must be at most {MaxLength} characters")
        .Check(Words.Count <= MaxWords, field, ErrorCodes.OutOfRange, $"must have at most {MaxWords} words");

    /// <summary>The words, split at spaces (the ideographic space of Japanese input too).</summary>
    public IReadOnlyList<string> Words => (Text ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each word as an ILIKE pattern, its wildcards taken literally.</summary>
    public string[] Patterns => [.. Words.Select(w => $"%{w.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%")];
}

/// <summary>A service found; with a referral, its score and the reasons for it (as in a proposal).</summary>
public sealed record SearchHit(ServiceResponse Service, double? Score, IReadOnlyList<string>? Reasons, IReadOnlyList<ScoreComponent>? Components);

public sealed record SearchResponse(IReadOnlyList<SearchHit> Items);

public static class SearchEndpoint
{
    private const string Referral = "SELECT from_agency_id AS FromAgencyId, referral FROM referral_matches WHERE referral_id = @ReferralId AND referral IS NOT NULL";

    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/services/search", Search).RequireAuthorization(Policies.Staff)
            .WithName("SearchServices").WithSummary("Searches the directory by words, in Japanese or English, optionally for a referral");

    /// <summary>
    /// Searches the active directory's copy in memory (<see cref="ServiceDirectory.ActiveAsync"/>): no database round
    /// trip for the text, which PostgreSQL matched by scanning every row (70-100 ms over 10 000 services).
    /// </summary>
    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        [AsParameters] SearchQuery query, Caller caller, Database database, ServiceDirectory directory, MatchRounds rounds, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var words = query.FoldedWords;
        var town = MunicipalityRegister.Japan.CodeOf(query.Municipality);
        bool Wanted(ListedService s) =>
            words.All(w => s.Words.Contains(w, StringComparison.Ordinal))
            && (query.Need is null || s.Eligibility.Needs.Contains(query.Need))
            && (query.Modality is null || s.Eligibility.Modalities.Contains(query.Modality))
            && (town is null || s.Eligibility.Serves(town));
        var limit = query.Limit ?? SearchQuery.DefaultLimit;
        var active = await directory.ActiveAsync(ct);

        if (query.ReferralId is not { } referralId)
        {
            // The services whose names have more of the words first, then by name.
            var hits = active.All.Where(Wanted)
                .OrderByDescending(s => words.Count(w => s.Name.Contains(w, StringComparison.Ordinal)))
                .ThenBy(s => s.Service.Description.Name, StringComparer.Ordinal)
                .ThenBy(s => s.Service.Id)
                .Take(limit)
                .Select(s => new SearchHit(ServiceResponse.From(s.Service), null, null, null));
            return TypedResults.Ok(new SearchResponse([.. hits]));
        }
        await using var work = await database.BeginAsync(ct);
        // A referral is about a person: only the referring agency's workers may rank for it (as its matches).
        var row = await work.QuerySingleOrDefaultAsync<ReferralRow>(Referral, new { ReferralId = referralId }, ct);
        if (row is null || !caller.IsWorkerOf(row.FromAgencyId))
        {
            return Problems.NotFound("The referral");
        }
        var (ranked, _) = await rounds.RankAsync(work, row.Referral.Referral, ct, Wanted, limit);
        // The ranking may have read a newer copy; a service gone from it is left out.
        var withService = ranked.Select(r => (Ranked: r, Service: active.Find(r.ServiceId))).Where(r => r.Service is not null);
        return TypedResults.Ok(new SearchResponse([.. withService.Select(r =>
            new SearchHit(ServiceResponse.From(r.Service!), r.Ranked.Score, r.Ranked.Reasons, r.Ranked.Components))]));
    }

    private sealed class ReferralRow
    {
        public Guid FromAgencyId { get; init; }
        public RankedReferral Referral { get; init; } = null!;
    }
}
