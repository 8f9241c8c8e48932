namespace ReferralNet.Consent.Features.YouthSignIn;

/// <summary>
/// Slows a guesser without locking out the young person (API-v3 §2): wrong passphrases are counted per name
/// and client, and per name over all clients, whether or not the name exists. Past a few free tries each next try from
/// that client waits twice as long as the last (1 s, 2 s, 4 s … up to Consent:SignInLongestWait); past many tries on a
/// name from everywhere, every client waits as well, except one that signed in with the name before. A try is counted
/// before its passphrase is checked (and its wait already set), so parallel guesses cannot pass the limit; a right
/// passphrase clears its client's count and makes the client known.
/// </summary>
public sealed class SignInThrottle(Database database, IOptions<ConsentOptions> options)
{
    /// <summary>The count of every client together, as the client column names it.</summary>
    private const string AllClients = "";

    private const string Ensure = """
        INSERT INTO sign_in_clients (sign_in_name, client, failures, last_failed_at, wait_until)
        VALUES (@Name, @Client, 0, @Now, @Now), (@Name, '', 0, @Now, @Now)
        ON CONFLICT (sign_in_name, client) DO NOTHING
        """;

    private const string Read = """
        SELECT client AS Client, failures AS Failures, last_failed_at AS LastFailedAt, wait_until AS WaitUntil, signed_in_at AS SignedInAt
        FROM sign_in_clients WHERE sign_in_name = @Name AND client IN (@Client, '')
        ORDER BY client FOR UPDATE
        """;

    private const string Count = """
        UPDATE sign_in_clients SET failures = @Failures, last_failed_at = @Now, wait_until = @WaitUntil
        WHERE sign_in_name = @Name AND client = @Client
        """;

    // The right try was counted as wrong for the name as a whole too: taken back there.
    private const string Clear = """
        UPDATE sign_in_clients SET failures = 0, wait_until = @Now, signed_in_at = @Now WHERE sign_in_name = @Name AND client = @Client;
        UPDATE sign_in_clients SET failures = GREATEST(failures - 1, 0) WHERE sign_in_name = @Name AND client = ''
        """;

    public sealed class Tries
    {
        public string Client { get; init; } = "";
        public int Failures { get; init; }
        public DateTimeOffset LastFailedAt { get; init; }
        public DateTimeOffset WaitUntil { get; init; }
        public DateTimeOffset? SignedInAt { get; init; }
    }

    /// <summary>
    /// Counts a try of <paramref name="name"/> from <paramref name="client"/> as failed until it is shown right; answers
    /// how long it must wait first instead (nothing counted), or null when it may go ahead.
    /// </summary>
    public async Task<TimeSpan?> TryAsync(string name, string client, DateTimeOffset now, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var ids = new { Name = name, Client = client, Now = now };
        await work.ExecuteAsync(Ensure, ids, ct);
        var rows = (await work.QueryAsync<Tries>(Read, ids, ct)).ToList();
        var (all, mine) = (rows.Single(r => r.Client == AllClients), rows.Single(r => r.Client == client));
        if (WaitFor(mine, all, now, options.Value) is { } wait)
        {
            return wait;
        }
        foreach (var (tries, freeTries) in new[] { (mine, options.Value.SignInFreeTries), (all, options.Value.SignInFreeTriesPerName) })
        {
            var failures = FailuresAfter(tries, now, options.Value) + 1;
            await work.ExecuteAsync(Count, new { Name = name, tries.Client, Failures = failures, Now = now,
                WaitUntil = now + Delay(failures, freeTries, options.Value.SignInLongestWait) }, ct);
        }
        await work.CommitAsync(ct);
        return null;
    }

    /// <summary>The passphrase was right: the client's tries are forgotten, and it is known for the name.</summary>
    public Task SucceededAsync(UnitOfWork work, string name, string client, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(Clear, new { Name = name, Client = client, Now = now }, ct);

    /// <summary>How long this client must wait before its next try of the name; null when it need not.</summary>
    public static TimeSpan? WaitFor(Tries mine, Tries all, DateTimeOffset now, ConsentOptions options)
    {
        var known = mine.SignedInAt > now - options.SignInKnownClientFor;
        var until = known || all.WaitUntil <= mine.WaitUntil ? mine.WaitUntil : all.WaitUntil;
        return until > now ? until - now : null;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th wrong try: none for the free ones, then doubling from 1 s.</summary>
    public static TimeSpan Delay(int failures, int freeTries, TimeSpan longest) =>
        failures <= freeTries ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - freeTries - 1), longest.TotalSeconds));

    private static int FailuresAfter(Tries tries, DateTimeOffset now, ConsentOptions options) =>
        tries.LastFailedAt <= now - options.SignInRememberFor ? 0 : tries.Failures;

    /// <summary>
    /// Who is trying: the client address the gateway saw (it sets X-Forwarded-For; no service is reachable but through
    /// it), else the connection's.
    /// </summary>
    public static string ClientOf(HttpContext http)
    {
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        var address = forwarded.Length > 0 ? forwarded.Split(',')[^1].Trim() : http.Connection.RemoteIpAddress?.ToString();
        return address is { Length: > 0 and <= 64 } ? address : "unknown";
    }
}
