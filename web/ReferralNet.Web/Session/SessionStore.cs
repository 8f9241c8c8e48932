using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace ReferralNet.Web.Session;

/// <summary>
/// Sessions kept in the web app's own database (<c>web_sessions</c>): the cookie carries a random key only, the ticket
/// stays here, encrypted. A session ends for every copy of its cookie when its user signs out (or out everywhere), and
/// is not found once its token has expired; expired rows go as new sessions come.
/// </summary>
public sealed class SessionStore(Database database, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    private const string Store = """
        DELETE FROM web_sessions WHERE expires_at < @Now;
        INSERT INTO web_sessions (id, user_id, ticket, expires_at) VALUES (@Id, @UserId, @Ticket, @ExpiresAt)
        """;

    private const string Renew = "UPDATE web_sessions SET ticket = @Ticket, expires_at = @ExpiresAt WHERE id = @Id";

    private const string Find = "SELECT ticket FROM web_sessions WHERE id = @Id AND expires_at > @Now";

    private const string Remove = "DELETE FROM web_sessions WHERE id = @Id";

    private const string RemoveAllOf = "DELETE FROM web_sessions WHERE user_id = @UserId";

    private readonly IDataProtector _protector = protection.CreateProtector("referralnet-web.sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        await database.ExecuteAsync(Store, Row(key, ticket), CancellationToken.None);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => database.ExecuteAsync(Renew, Row(key, ticket), CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await database.QuerySingleOrDefaultAsync<byte[]>(Find, new { Id = IdOf(key), Now = time.GetUtcNow() }, CancellationToken.None) is { } stored
            ? TicketSerializer.Default.Deserialize(_protector.Unprotect(stored))
            : null;

    public Task RemoveAsync(string key) => database.ExecuteAsync(Remove, new { Id = IdOf(key) }, CancellationToken.None);

    /// <summary>Ends every session of the user, on every device.</summary>
    public Task RemoveAllAsync(string userId, CancellationToken ct) => database.ExecuteAsync(RemoveAllOf, new { UserId = userId }, ct);

    private object Row(string key, AuthenticationTicket ticket) => new
    {
        Id = IdOf(key),
        UserId = ticket.Principal.FindFirst(ClaimNames.Subject)?.Value ?? "",
        Ticket = _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
        ExpiresAt = ticket.Properties.ExpiresUtc ?? time.GetUtcNow(),
        Now = time.GetUtcNow(),
    };

    /// <summary>The row is found by the key's hash: a copy of the table gives no key a cookie could carry.</summary>
    private static string IdOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
