using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// The keys this process checks each trusted issuer's tokens with, and the one it signs with: given in the settings, or
/// read from folders (<see cref="KeyFolder"/>: mounted secrets) and read again while the process runs, so that a key
/// rotation needs no restart. A folder that cannot be read, or holds a broken key, leaves the keys read before in use.
/// </summary>
public sealed class IssuerKeys
{
    /// <summary>A token naming a key not known yet makes the folders be read at once, at most this often.</summary>
    private static readonly TimeSpan UnknownKeyReadsAfter = TimeSpan.FromSeconds(1);

    private readonly AuthOptions _auth;
    private readonly TimeProvider _time;
    private readonly ILogger<IssuerKeys> _log;
    private readonly bool _readsFolders;
    private readonly Lock _reading = new();
    private volatile Snapshot _current;
    private long _readAt; // UtcTicks: read without the lock

    private sealed record Snapshot(IReadOnlyDictionary<string, IReadOnlyList<ECDsaSecurityKey>> Trusted, SigningCredentials? Signing);

    public IssuerKeys(IOptions<AuthOptions> auth, TimeProvider time, ILogger<IssuerKeys> log)
    {
        _auth = auth.Value;
        _time = time;
        _log = log;
        _readsFolders = _auth.Issuers.Any(i => i.KeysFolder is not null) || _auth.Signing?.Folder is not null;
        _readAt = time.GetUtcNow().UtcTicks;
        _current = Read(previous: null);
    }

    /// <summary>Whether this process checks the issuer's tokens with keys of its own (not an OpenID Connect authority's).</summary>
    public bool Holds(string issuer) => _current.Trusted.ContainsKey(issuer);

    /// <summary>The issuer's key of this id, if the issuer is trusted and the key is one of its keys now.</summary>
    public ECDsaSecurityKey? Find(string issuer, string? kid)
    {
        var found = Find(Current(), issuer, kid);
        if (found is null && _readsFolders && Age >= UnknownKeyReadsAfter)
        {
            found = Find(ReadAgain(), issuer, kid);
        }
        return found;
    }

    /// <summary>What this process signs with now, or null when it issues no tokens.</summary>
    public SigningCredentials? Signing => Current().Signing;

    private static ECDsaSecurityKey? Find(Snapshot keys, string issuer, string? kid) =>
        keys.Trusted.TryGetValue(issuer, out var ofIssuer) ? ofIssuer.FirstOrDefault(key => key.KeyId == kid) : null;

    private TimeSpan Age => TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - Volatile.Read(ref _readAt));

    private Snapshot Current() => _readsFolders && Age >= _auth.ReadKeysEvery ? ReadAgain() : _current;

    private Snapshot ReadAgain()
    {
        lock (_reading)
        {
            // Another request may have read them while this one waited.
            if (Age >= UnknownKeyReadsAfter)
            {
                _current = Read(_current);
                Volatile.Write(ref _readAt, _time.GetUtcNow().UtcTicks);
            }
            return _current;
        }
    }

    private Snapshot Read(Snapshot? previous)
    {
        var trusted = new Dictionary<string, IReadOnlyList<ECDsaSecurityKey>>();
        foreach (var issuer in _auth.Issuers.Where(i => i.Authority is null))
        {
            IReadOnlyList<ECDsaSecurityKey> keys = [.. issuer.Keys.Select(k => k.Read()!)];
            if (issuer.KeysFolder is { } folder)
            {
                var (read, problem) = KeyFolder.PublicKeys(folder);
                keys = problem is null ? Same(previous?.Trusted.GetValueOrDefault(issuer.Issuer), [.. keys, .. read]) : Kept(previous?.Trusted.GetValueOrDefault(issuer.Issuer), problem) ?? keys;
            }
            trusted[issuer.Issuer] = keys;
        }
        return new Snapshot(trusted, SigningNow(previous?.Signing));
    }

    private SigningCredentials? SigningNow(SigningCredentials? previous)
    {
        if (_auth.Signing is not { } signing)
        {
            return null;
        }
        if (signing.Folder is null)
        {
            return previous ?? new SigningCredentials(signing.Read()!, SecurityAlgorithms.EcdsaSha256);
        }
        var (key, problem) = KeyFolder.SigningKey(signing.Folder);
        if (key is null)
        {
            return Kept(previous, problem!);
        }
        return previous?.Key is ECDsaSecurityKey before && Same(before, key) ? previous : new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
    }

    private T? Kept<T>(T? previous, string problem) where T : class
    {
        _log.LogWarning("Keys not read again, the ones read before stay in use: {Problem}", problem);
        return previous;
    }

    /// <summary>The keys read before where nothing changed: the same objects, so that their verifiers stay cached.</summary>
    private static IReadOnlyList<ECDsaSecurityKey> Same(IReadOnlyList<ECDsaSecurityKey>? before, IReadOnlyList<ECDsaSecurityKey> now) =>
        before is not null && before.Count == now.Count && before.Zip(now).All(pair => Same(pair.First, pair.Second)) ? before : now;

    private static bool Same(ECDsaSecurityKey a, ECDsaSecurityKey b) =>
        a.KeyId == b.KeyId && a.ECDsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(b.ECDsa.ExportSubjectPublicKeyInfo());
}
