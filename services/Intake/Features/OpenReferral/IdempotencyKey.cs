using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReferralNet.BuildingBlocks.Data;

namespace ReferralNet.Intake.Features.OpenReferral;

/// <summary>
/// The <c>Idempotency-Key</c> header of a referral: the first request with a key claims it in the referral's own
/// transaction; a retry with the same key by the same user waits for that transaction (the primary key decides) and
/// gets its answer. A key reused for a different request is refused.
/// </summary>
public sealed record IdempotencyKey(string UserId, string Key, string Fingerprint)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static IdempotencyKey For(string userId, string key, OpenReferralRequest request) =>
        new(userId, key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request)))));

    /// <summary>Null when this request claimed the key; otherwise what the first request with it left.</summary>
    public async Task<Earlier?> ClaimAsync(UnitOfWork work, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await work.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES (@UserId, @Key, @Fingerprint, @Now)
            ON CONFLICT (user_id, key) DO NOTHING
            """, new { UserId, Key, Fingerprint, Now = now }, ct) == 1;
        return claimed
            ? null
            : await work.QuerySingleAsync<Earlier>(
                "SELECT fingerprint, response FROM idempotency_keys WHERE user_id = @UserId AND key = @Key", this, ct);
    }

    /// <summary>Keeps the answer for retries, without the one-time code (never stored in clear).</summary>
    public Task RememberAsync(UnitOfWork work, OpenReferralResponse response, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE idempotency_keys SET response = @Response WHERE user_id = @UserId AND key = @Key",
            new { UserId, Key, Response = JsonSerializer.Serialize(response with { YouthAccessCode = null }) }, ct);

    public sealed record Earlier(string Fingerprint, string? Response)
    {
        public OpenReferralResponse? Answer => Response is null ? null : JsonSerializer.Deserialize<OpenReferralResponse>(Response);
    }
}
