using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReferralNet.Web.Session;

namespace ReferralNet.Web.Gateway;

/// <summary>What the gateway answered: the value, or the problem (problem+json) it refused with.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool IsOk => Problem is null;
}

/// <summary>
/// A refusal as the network words it (RFC 9457): its status, its title and detail, each refused field's messages, and
/// per field the codes of why (<c>errorCodes</c>), which the pages say in their reader's words (<see cref="FormOutcome"/>).
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreadable(HttpStatusCode status) => new((int)status, null, null, new Dictionary<string, string[]>());

    /// <summary>A refusal the page makes itself before asking the network: a field it could not read.</summary>
    public static ApiProblem Unprocessable(string field, string code) => Unreadable(HttpStatusCode.UnprocessableEntity).With(field, code);

    /// <summary>Why each field was refused: one code of <c>ErrorCodes</c> per message.</summary>
    public IReadOnlyDictionary<string, string[]> ErrorCodes { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Places to choose from, by field: a town typed that named several, or none (the closest names).</summary>
    public IReadOnlyDictionary<string, Municipality[]> Suggestions { get; init; } = new Dictionary<string, Municipality[]>();

    /// <summary>The messages for <paramref name="field"/> (as the API names it, <c>person.birthDate</c>).</summary>
    public IReadOnlyList<string> For(string field) => Of(Errors, field);

    /// <summary>Why <paramref name="field"/> was refused, as codes; a refusal that named no code reads as "check it".</summary>
    public IReadOnlyList<string> CodesFor(string field) => Of(ErrorCodes, field) is { Count: > 0 } codes ? codes
        : For(field).Count > 0 ? [Contracts.Codes.ErrorCodes.InvalidFormat] : [];

    /// <summary>This refusal with <paramref name="field"/> refused for <paramref name="code"/> too: what the page found before the network did.</summary>
    public ApiProblem With(string field, string code) => this with
    {
        Errors = new Dictionary<string, string[]>(Errors) { [field] = [code] },
        ErrorCodes = new Dictionary<string, string[]>(ErrorCodes) { [field] = [code] },
    };

    private static List<string> Of(IReadOnlyDictionary<string, string[]> byField, string field) =>
        byField.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList();
}

/// <summary>
/// The web app's one way to the network: the gateway's public API, as any client uses it, with the signed-in user's
/// token (kept in their session) and the browser's address (the gateway limits anonymous calls per address, and trusts
/// this process to say it). A 503 with Retry-After, where nothing was done, is sent again (<see cref="RetryAfterHonoured"/>).
/// </summary>
public sealed class GatewayApi(HttpClient client, IHttpContextAccessor accessor)
{
    public const string ClientName = "gateway";

    /// <summary>The network's JSON: camelCase, codes as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>HSDS 3.0 documents (the directory's read API): the standard's snake_case names.</summary>
    public static readonly JsonSerializerOptions Hsds = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A read; <paramref name="anonymously"/>: as anyone reads it, without the user's token (what a young person may find).</summary>
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct, JsonSerializerOptions? json = null, bool anonymously = false) =>
        SendAsync<T>(HttpMethod.Get, path, null, json, anonymously, ct);

    /// <summary>A write; with <paramref name="idempotencyKey"/> (a form's own key) a form sent twice creates once.</summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, body, null, false, ct, idempotencyKey);

    /// <summary>A write of something whole; with <paramref name="ifMatch"/> (the version it read) a change made meanwhile is refused (412).</summary>
    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken ct, string? ifMatch = null) =>
        SendAsync<T>(HttpMethod.Put, path, body, null, false, ct, ifMatch: ifMatch);

    public Task<ApiResult<object>> DeleteAsync(string path, CancellationToken ct) => SendAsync<object>(HttpMethod.Delete, path, null, null, false, ct);

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, JsonSerializerOptions? json, bool anonymously, CancellationToken ct, string? idempotencyKey = null,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (idempotencyKey is { Length: > 0 })
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch is { Length: > 0 })
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        if (accessor.HttpContext is { } http)
        {
            if (!anonymously && await SessionUser.TokenAsync(http) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (http.Connection.RemoteIpAddress is { } address)
            {
                request.Headers.Add("X-Forwarded-For", address.ToString());
            }
        }
        using var response = await client.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(json ?? Json, ct);
            return new ApiResult<T>(value, null);
        }
        return new ApiResult<T>(default, await ProblemOfAsync(response, ct));
    }

    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return ApiProblem.Unreadable(response.StatusCode);
        }
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct);
        return new ApiProblem((int)response.StatusCode, problem?.Title, problem?.Detail, problem?.Errors ?? new Dictionary<string, string[]>())
        {
            ErrorCodes = problem?.ErrorCodes ?? [],
            Suggestions = problem?.Suggestions ?? [],
        };
    }

    private sealed record ProblemBody(
        string? Title, string? Detail, Dictionary<string, string[]>? Errors, Dictionary<string, string[]>? ErrorCodes, Dictionary<string, Municipality[]>? Suggestions);
}
