using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// The <c>Idempotency-Key</c> header of a creating POST. The first request with a key claims it in its own transaction
/// and stores its answer there; a retry with the same key by the same user waits for that transaction (the primary key
/// decides) and gets the stored answer. A key reused for a different request (another body or endpoint) is refused.
/// A request that fails changes nothing, its claim included, so its retry is handled afresh. Endpoints use it only
/// through <see cref="IdempotentCreation"/>.
/// </summary>
public sealed record IdempotencyKey(string UserId, string Key, string Fingerprint)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>The key of this request, or null when it carries none.</summary>
    internal static IdempotencyKey? From(HttpContext http, string userId, object request)
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
    internal ProblemHttpResult? Invalid =>
        Key.Length > MaxLength ? new ValidationErrors().Add(Header, ErrorCodes.TooLong, $"must be at most {MaxLength} characters").ToProblem() : null;

    internal static ProblemHttpResult ReusedForAnotherRequest() =>
        new ValidationErrors().Add(Header, ErrorCodes.NotAllowed, "was already used for a different request").ToProblem();

    /// <summary>
    /// Null when this request claimed the key and goes on; otherwise the earlier request's outcome: its answer when it
    /// was the same request, no answer when it was a different one.
    /// </summary>
    internal async Task<Earlier<T>?> ClaimAsync<T>(UnitOfWork work, DateTimeOffset now, CancellationToken ct)
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
    internal Task RememberAsync<T>(UnitOfWork work, T answer, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE idempotency_keys SET response = @Response WHERE user_id = @UserId AND key = @Key",
            new { UserId, Key, Response = JsonSerializer.Serialize(answer) }, ct);

    private sealed record Stored(string Fingerprint, string? Response);
}

/// <summary>What the first request with a key left: its answer, or null when it was a different request.</summary>
public sealed record Earlier<T>(T? Answer);

/// <summary>What a creating step answers, or the problem that refuses it (then nothing it did is kept).</summary>
public readonly record struct Creation<T>(T? Answer, ProblemHttpResult? Problem)
{
    public static implicit operator Creation<T>(T answer) => new(answer, null);

    public static implicit operator Creation<T>(ProblemHttpResult problem) => new(default, problem);
}

/// <summary>
/// A creating POST as one step: the key's check, its claim, the answer to a retry, the creation and the remembered
/// answer, in one transaction. An endpoint hands over only what it creates, so it cannot claim a key and forget to
/// keep the answer (which would compile and break every retry).
/// </summary>
public static class IdempotentCreation
{
    /// <param name="create">The creation, in the request's transaction; a problem rolls it back with the claim.</param>
    /// <param name="location">Where the created resource is read.</param>
    /// <param name="forRetries">What a retry gets instead of the answer (without a one-time secret, say).</param>
    public static async Task<Results<Created<T>, ProblemHttpResult>> RunAsync<T>(
        HttpContext http, string userId, object request, Database database, DateTimeOffset now,
        Func<UnitOfWork, Task<Creation<T>>> create, Func<T, string> location, CancellationToken ct, Func<T, T>? forRetries = null)
        where T : class =>
        await RunCoreAsync(http, userId, request, database, now, create, ct, forRetries) switch
        {
            ({ } problem, _) => problem,
            (_, var answer) => TypedResults.Created(location(answer!), answer),
        };

    /// <summary>As <see cref="RunAsync{T}"/> for a POST that is always taken on to be done by people later (202, retries too).</summary>
    public static async Task<Results<Accepted<T>, ProblemHttpResult>> RunAcceptedAsync<T>(
        HttpContext http, string userId, object request, Database database, DateTimeOffset now,
        Func<UnitOfWork, Task<Creation<T>>> create, CancellationToken ct)
        where T : class =>
        await RunCoreAsync(http, userId, request, database, now, create, ct, null) switch
        {
            ({ } problem, _) => problem,
            (_, var answer) => TypedResults.Accepted((string?)null, answer),
        };

    /// <summary>
    /// As <see cref="RunAsync{T}"/> for a POST whose request may be taken on without creating what it asks for yet
    /// (a referral that waits for admission): <paramref name="accepted"/> answers it 202 instead of 201, retries too.
    /// </summary>
    public static async Task<Results<Created<T>, Accepted<T>, ProblemHttpResult>> RunAsync<T>(
        HttpContext http, string userId, object request, Database database, DateTimeOffset now,
        Func<UnitOfWork, Task<Creation<T>>> create, Func<T, string> location, Func<T, bool> accepted, CancellationToken ct,
        Func<T, T>? forRetries = null)
        where T : class =>
        await RunCoreAsync(http, userId, request, database, now, create, ct, forRetries) switch
        {
            ({ } problem, _) => problem,
            (_, var answer) when accepted(answer!) => TypedResults.Accepted(location(answer!), answer),
            (_, var answer) => TypedResults.Created(location(answer!), answer),
        };

    private static async Task<(ProblemHttpResult? Problem, T? Answer)> RunCoreAsync<T>(
        HttpContext http, string userId, object request, Database database, DateTimeOffset now,
        Func<UnitOfWork, Task<Creation<T>>> create, CancellationToken ct, Func<T, T>? forRetries)
        where T : class
    {
        var key = IdempotencyKey.From(http, userId, request);
        if (key?.Invalid is { } invalid)
        {
            return (invalid, null);
        }
        await using var work = await database.BeginAsync(ct);
        if (key is not null && await key.ClaimAsync<T>(work, now, ct) is { } earlier)
        {
            return earlier.Answer is { } answer ? (null, answer) : (IdempotencyKey.ReusedForAnotherRequest(), null);
        }
        var created = await create(work);
        if (created.Problem is { } problem)
        {
            return (problem, null);
        }
        var answered = created.Answer!;
        if (key is not null)
        {
            await key.RememberAsync(work, forRetries is null ? answered : forRetries(answered), ct);
        }
        await work.CommitAsync(ct);
        return (null, answered);
    }
}
