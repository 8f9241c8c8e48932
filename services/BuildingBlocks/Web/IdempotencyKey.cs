using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Data;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// The <c>Idempotency-Key</c> header of a creating POST. The first request with a key claims it in its own transaction
/// and stores its answer there; a retry with the same key by the same user waits for that transaction (the primary key
/// decides) and gets the stored answer. A key reused for a different request (another body or endpoint) is refused.
/// A request that fails changes nothing, its claim included, so its retry is handled afresh.
/// </summary>
public sealed record IdempotencyKey(string UserId, string Key, string Fingerprint)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>The key of this request, or null when it carries none.</summary>
    public static IdempotencyKey? From(HttpContext http, string userId, object request)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return null;
        }
        var what = $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(request, request.GetType())}";
        return new IdempotencyKey(userId, key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what))));
    }

    /// <summary>A problem when the key itself is unusable.</summary>
    public ProblemHttpResult? Invalid =>
        Key.Length > MaxLength ? new ValidationErrors().Add(Header, $"must be at most {MaxLength} characters").ToProblem() : null;

    public static ProblemHttpResult ReusedForAnotherRequest() =>
        new ValidationErrors().Add(Header, "was already used for a different request").ToProblem();

    /// <summary>
    /// Null when this request claimed the key and goes on; otherwise the earlier request's outcome: its answer when it
    /// was the same request, no answer when it was a different one.
    /// </summary>
    public async Task<Earlier<T>?> ClaimAsync<T>(UnitOfWork work, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await work.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES (@UserId, @Key, @Fingerprint, @Now)
            ON CONFLICT (user_id, key) DO NOTHING
            """, new { UserId, Key, Fingerprint, Now = now }, ct) == 1;
        if (claimed)
        {
            return null;
        }
        var stored = await work.QuerySingleAsync<Stored>(
            "SELECT fingerprint, response FROM idempotency_keys WHERE user_id = @UserId AND key = @Key", this, ct);
        return new Earlier<T>(stored.Fingerprint == Fingerprint && stored.Response is { } json ? JsonSerializer.Deserialize<T>(json) : default);
    }

    /// <summary>Keeps the answer for retries, in the request's transaction.</summary>
    public Task RememberAsync<T>(UnitOfWork work, T answer, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE idempotency_keys SET response = @Response WHERE user_id = @UserId AND key = @Key",
            new { UserId, Key, Response = JsonSerializer.Serialize(answer) }, ct);

    private sealed record Stored(string Fingerprint, string? Response);
}

/// <summary>What the first request with a key left: its answer, or null when it was a different request.</summary>
public sealed record Earlier<T>(T? Answer);
