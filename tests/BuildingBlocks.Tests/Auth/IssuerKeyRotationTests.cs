using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.Gateway;
using ReferralNet.Gateway.DevTokens;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.BuildingBlocks.Tests.Auth;

/// <summary>
/// An issuer's key rotated while requests flow, as an operator does it with mounted secrets: the new public key added
/// to every process's trusted keys, then the issuer switched to the new private key, then the old public key removed.
/// Here the issuer is the gateway's (development tokens) and the verifiers the gateway and a service behind it.
/// </summary>
public sealed class IssuerKeyRotationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("referralnet-keys.").FullName;
    private readonly ECDsaSecurityKey _old = TestIssuers.NewKey("");
    private readonly ECDsaSecurityKey _new = TestIssuers.NewKey("");
    private MountedSecret _trusted = null!;
    private MountedSecret _signing = null!;
    private ServiceHost<ServiceDirectory> _matching = null!;
    private ServiceHost<GatewayOptions> _gateway = null!;

    public async Task InitializeAsync()
    {
        _trusted = new MountedSecret(Path.Combine(_folder, "trusted"));
        _signing = new MountedSecret(Path.Combine(_folder, "signing"));
        await _trusted.WriteAsync(new() { ["2026-12.spki"] = PublicKey(_old) });
        await _signing.WriteAsync(new() { [KeyFolder.SigningKeyFile] = Convert.ToBase64String(_old.ECDsa.ExportPkcs8PrivateKey()) });

        var servers = await TestServers.GetAsync();
        var trusted = new Dictionary<string, string?>
        {
            ["Auth:Issuers:0:Issuer"] = TestIssuers.Development,
            ["Auth:Issuers:0:KeysFolder"] = _trusted.Path,
            ["Auth:ReadKeysEvery"] = "00:00:01",
        };
        _matching = new ServiceHost<ServiceDirectory>(new Dictionary<string, string?>([.. trusted, .. servers.BrokerSettings(await servers.CreateVirtualHostAsync("rotation"))])
        {
            ["Database:ConnectionString"] = servers.Database($"rn_rotation_{Guid.NewGuid():N}"[..24]),
        }).Start().UntilReady();
        _gateway = new ServiceHost<GatewayOptions>(new Dictionary<string, string?>(trusted)
        {
            ["Auth:Signing:Issuer"] = TestIssuers.Development,
            ["Auth:Signing:Folder"] = _signing.Path,
            ["Gateway:DevTokens"] = "true",
            ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
            ["Gateway:RateLimit:Burst"] = "10000",
            ["Gateway:RateLimit:ProbePermitsPerMinute"] = "100000",
            ["ReverseProxy:Clusters:matching:Destinations:primary:Address"] = _matching.Address.ToString(),
        }, environment: "Development").Start();
    }

    [Fact]
    public async Task A_key_rotated_while_requests_flow_refuses_none_and_the_old_key_is_refused_once_removed()
    {
        using var stop = new CancellationTokenSource();
        var flowing = new List<(string Kid, HttpStatusCode Status)>();
        var flow = FlowAsync(flowing, stop.Token);
        await UntilFlowedAsync(flowing, 10);

        // 1. The new public key beside the old: both are trusted everywhere.
        await _trusted.WriteAsync(new() { ["2026-12.spki"] = PublicKey(_old), ["2027-03.spki"] = PublicKey(_new) });
        await Eventually.Until(() => StatusAsync(_gateway.Address, _new), status => status == HttpStatusCode.OK, "a token of the new key to be taken by the gateway and the service");

        // 2. The issuer signs with the new key.
        await _signing.WriteAsync(new() { [KeyFolder.SigningKeyFile] = Convert.ToBase64String(_new.ECDsa.ExportPkcs8PrivateKey()) });
        await Eventually.Until(() => Task.FromResult(Last(flowing)), last => last.Kid == KeyFolder.KeyId(_new), "tokens signed with the new key");

        // 3. Once no token of the old key is in use, it goes.
        await _trusted.WriteAsync(new() { ["2027-03.spki"] = PublicKey(_new) });
        await Eventually.Until(() => StatusAsync(_matching.Address, _old), status => status == HttpStatusCode.Unauthorized, "the service to refuse the old key");
        await Eventually.Until(() => StatusAsync(_gateway.Address, _old), status => status == HttpStatusCode.Unauthorized, "the gateway to refuse the old key");
        await UntilFlowedAsync(flowing, Count(flowing) + 10);
        await stop.CancelAsync();
        await flow;

        output.WriteLine($"{flowing.Count} requests while the key rotated: {string.Join(", ", flowing.GroupBy(r => (r.Kid == KeyFolder.KeyId(_new) ? "new key" : "old key", r.Status)).Select(g => $"{g.Count()} {g.Key}"))}");
        Assert.All(flowing, request => Assert.Equal(HttpStatusCode.OK, request.Status));
        Assert.Equal([KeyFolder.KeyId(_old), KeyFolder.KeyId(_new)], flowing.Select(request => request.Kid).Distinct());
    }

    /// <summary>
    /// A client asking for a token and using it at once, 50 times a second (a steady flow, not a flood: the other tests
    /// share the machine), each answer kept, until <paramref name="stop"/>.
    /// </summary>
    private async Task FlowAsync(List<(string Kid, HttpStatusCode Status)> flowing, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        using var rate = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await rate.WaitForNextTickAsync(stop))
            {
                Add(flowing, await AskAndUseTokenAsync(client));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The flow ends where the test says.
        }
    }

    private static async Task<(string Kid, HttpStatusCode Status)> AskAndUseTokenAsync(HttpClient client)
    {
        using var issued = await client.PostAsJsonAsync("/dev/token", new { sub = "rotation", role = Roles.Coordinator });
        if (!issued.IsSuccessStatusCode)
        {
            return ("", issued.StatusCode);
        }
        var token = (await issued.Content.ReadFromJsonAsync<DevTokenResponse>())!.AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/matching/agencies");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.SendAsync(request);
        return (new JsonWebToken(token).Kid, answer.StatusCode);
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri process, ECDsaSecurityKey key)
    {
        using var client = new HttpClient { BaseAddress = process };
        var now = DateTime.UtcNow;
        var token = ForgedTokens.Sign(
            new ECDsaSecurityKey(key.ECDsa) { KeyId = KeyFolder.KeyId(key) },
            [new Claim(ClaimNames.Subject, "rotation-probe"), new Claim(ClaimNames.Role, Roles.Coordinator)], now.AddMinutes(-1), now.AddMinutes(5));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/matching/agencies")).StatusCode;
    }

    private static Task UntilFlowedAsync(List<(string Kid, HttpStatusCode Status)> flowing, int count) =>
        Eventually.Until(() => Task.FromResult(Count(flowing)), flowed => flowed >= count, $"{count} requests to have flowed");

    private static void Add(List<(string, HttpStatusCode)> flowing, (string, HttpStatusCode) request)
    {
        lock (flowing)
        {
            flowing.Add(request);
        }
    }

    private static int Count(List<(string Kid, HttpStatusCode Status)> flowing)
    {
        lock (flowing)
        {
            return flowing.Count;
        }
    }

    private static (string Kid, HttpStatusCode Status) Last(List<(string Kid, HttpStatusCode Status)> flowing)
    {
        lock (flowing)
        {
            return flowing.Count > 0 ? flowing[^1] : ("", 0);
        }
    }

    private static string PublicKey(ECDsaSecurityKey key) => Convert.ToBase64String(key.ECDsa.ExportSubjectPublicKeyInfo());

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _matching.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// A folder as the kubelet mounts a secret: each file a link into <c>..data</c>, itself a link to the folder of one
    /// version; a new version is written beside the old and <c>..data</c> replaced in one rename, so a reader sees one
    /// version or the other, never half of each.
    /// </summary>
    private sealed class MountedSecret
    {
        private int _version;

        public MountedSecret(string path)
        {
            Path = path;
            Directory.CreateDirectory(path);
        }

        public string Path { get; }

        public async Task WriteAsync(Dictionary<string, string> files)
        {
            var version = $"..{++_version}";
            Directory.CreateDirectory(System.IO.Path.Combine(Path, version));
            foreach (var (name, text) in files)
            {
                await File.WriteAllTextAsync(System.IO.Path.Combine(Path, version, name), text);
            }
            File.CreateSymbolicLink(System.IO.Path.Combine(Path, "..data_tmp"), version);
            // mv -T renames the link itself over the old one: rename(2), atomic.
            await ServerScript.RunProcessAsync("mv", ["-Tf", System.IO.Path.Combine(Path, "..data_tmp"), System.IO.Path.Combine(Path, "..data")]);
            foreach (var name in files.Keys.Where(name => !File.Exists(System.IO.Path.Combine(Path, name))))
            {
                File.CreateSymbolicLink(System.IO.Path.Combine(Path, name), System.IO.Path.Combine("..data", name));
            }
            foreach (var gone in Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Where(name => !name!.StartsWith("..", StringComparison.Ordinal) && !files.ContainsKey(name)))
            {
                File.Delete(System.IO.Path.Combine(Path, gone!));
            }
            if (_version > 1)
            {
                Directory.Delete(System.IO.Path.Combine(Path, $"..{_version - 1}"), recursive: true);
            }
        }
    }
}
