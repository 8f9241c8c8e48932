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
        .Check(Need is null || Needs.All.Contains(Need), "need", "must be a need code")
        .Check(Modality is null || Modalities.All.Contains(Modality), "modality", "must be a modality code")
        .Check((Municipality?.Length ?? 0) <= 100, "municipality", "must be at most 100 characters")
        .Check(Limit is null or >= 1 and <= MaxLimit, "limit", $"must be between 1 and {MaxLimit}");

    private SearchText Text => new(Q);

    public IReadOnlyList<string> Words => Text.Words;

    public string[] Patterns => Text.Patterns;
}

/// <summary>
/// Free text to find in the directory: every word must appear, in any order, case-insensitive. A trigram index finds
/// the rows (<c>search_text ILIKE ALL (@Patterns)</c>), which needs no word segmentation, so Japanese works as English does.
/// </summary>
public sealed record SearchText(string? Text)
{
    public const int MaxLength = 100;
    public const int MaxWords = 8;

    public ValidationErrors Validate(ValidationErrors errors, string field) => errors
        .Check((Text?.Length ?? 0) <= MaxLength, field, $"must be at most {MaxLength} characters")
        .Check(Words.Count <= MaxWords, field, $"must have at most {MaxWords} words");

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
    private const int MostTextMatches = 2000;

    // Best text match first; each word must appear (the trigram index finds the rows).
    private const string TextMatches = $"""
        SELECT id FROM services
        WHERE status = '{ServiceStatuses.Active}' AND search_text ILIKE ALL (@Patterns)
        ORDER BY similarity(search_text, @Q) DESC, id
        LIMIT @Most
        """;

    private const string Referral = "SELECT from_agency_id AS FromAgencyId, referral FROM referral_matches WHERE referral_id = @ReferralId AND referral IS NOT NULL";

    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/services/search", Search).RequireAuthorization(Policies.Staff);

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        [AsParameters] SearchQuery query, Caller caller, Database database, ServiceDirectory directory, MatchRounds rounds, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        ReferralSubmitted? referral = null;
        if (query.ReferralId is { } referralId)
        {
            // A referral is about a person: only the referring agency's workers may rank for it (as its matches).
            var row = await work.QuerySingleOrDefaultAsync<ReferralRow>(Referral, new { ReferralId = referralId }, ct);
            if (row is null || !caller.IsWorkerOf(row.FromAgencyId))
            {
                return Problems.NotFound("The referral");
            }
            referral = row.Referral.Referral;
        }

        var active = await directory.ActiveAsync(work, ct);
        var found = query.Words.Count == 0 ? null : await work.QueryAsync<Guid>(TextMatches, new { query.Patterns, query.Q, Most = MostTextMatches }, ct);
        var textOrder = found?.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        bool Wanted(ListedService s) =>
            (textOrder is null || textOrder.ContainsKey(s.Service.Id))
            && (query.Need is null || s.Eligibility.Needs.Contains(query.Need))
            && (query.Modality is null || s.Eligibility.Modalities.Contains(query.Modality))
            && (query.Municipality is null || s.Eligibility.Serves(query.Municipality));
        var limit = query.Limit ?? SearchQuery.DefaultLimit;

        if (referral is null)
        {
            // Best text match first, else by name.
            var hits = active.All.Where(Wanted)
                .OrderBy(s => textOrder?[s.Service.Id] ?? 0)
                .ThenBy(s => s.Service.Description.Name, StringComparer.Ordinal)
                .ThenBy(s => s.Service.Id)
                .Take(limit)
                .Select(s => new SearchHit(ServiceResponse.From(s.Service), null, null, null));
            return TypedResults.Ok(new SearchResponse([.. hits]));
        }
        var (ranked, _) = await rounds.RankAsync(work, referral, ct, Wanted, limit);
        // The ranking read the same five-second copy; a service gone from a newer one is left out.
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
