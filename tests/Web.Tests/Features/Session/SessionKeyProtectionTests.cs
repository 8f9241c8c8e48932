using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReferralNet.Testing;
using ReferralNet.Web.Session;

namespace ReferralNet.Web.Tests.Features.Session;

/// <summary>
/// The session cookie's keys, kept in the web app's database encrypted with the certificates of a mounted secret, as
/// instances of the web app see them while the certificate is rotated: each instance a container of its own on one
/// database, with the certificates its pod was started with.
/// </summary>
public sealed class SessionKeyProtectionTests : IAsyncLifetime, IDisposable
{
    private const string Keys = "SELECT xml FROM data_protection_keys ORDER BY created_at";
    private readonly string _folder = Directory.CreateTempSubdirectory("referralnet-key-protection.").FullName;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly List<ServiceProvider> _instances = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        var name = $"rn_web_keys_{Guid.NewGuid():N}"[..28];
        await using (var server = new NpgsqlConnection(servers.Database("postgres")))
        {
            await server.ExecuteAsync($"CREATE DATABASE {name}");
        }
        _database = servers.Database(name);
        await using var web = new NpgsqlConnection(_database);
        await web.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "web", "ReferralNet.Web", "Data", "0002_data_protection_keys.sql")));
    }

    [Fact]
    public async Task The_keys_are_stored_encrypted_with_the_certificate_and_hold_no_key_in_the_clear()
    {
        var current = Certificate("current", _now.AddDays(-1), _now.AddYears(1));

        var session = Instance(Folder("one", current), new ShiftedTime()).GetDataProtector("session").Protect("ticket-key");

        var stored = Assert.Single(await StoredAsync());
        Assert.Contains("encryptedSecret", stored);
        Assert.Contains(Convert.ToBase64String(current.Certificate.RawData), stored);
        Assert.DoesNotContain("<value>", stored);
        Assert.Equal("ticket-key", Instance(Folder("same", current), new ShiftedTime()).GetDataProtector("session").Unprotect(session));
    }

    [Fact]
    public async Task A_certificate_added_before_its_start_date_reads_every_session_and_encrypts_the_keys_made_after_it()
    {
        var old = Certificate("old", _now.AddDays(-30), _now.AddYears(1));
        var next = Certificate("next", _now.AddDays(1), _now.AddYears(2));
        var before = Instance(Folder("old-only", old), new ShiftedTime()).GetDataProtector("session").Protect("before");

        // 1. The secret holds both; the pods restarted with it read the sessions made with the old certificate's keys.
        var both = Folder("both", old, next);
        Assert.Equal("before", Instance(both, new ShiftedTime()).GetDataProtector("session").Unprotect(before));

        // 2. From its start date on, a new key (made when the ring's key nears its end) is encrypted with the new
        // certificate. Data Protection keeps its own clock: the key is made on it, the certificate chosen on the pod's.
        var later = new ShiftedTime();
        later.Advance(TimeSpan.FromDays(2));
        var afterSwitch = Instance(both, later);
        afterSwitch.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var after = afterSwitch.GetDataProtector("session").Protect("after");
        var newest = (await StoredAsync())[^1];
        Assert.Contains(Convert.ToBase64String(next.Certificate.RawData), newest);
        Assert.DoesNotContain(Convert.ToBase64String(old.Certificate.RawData), newest);
        Assert.Equal("before", afterSwitch.GetDataProtector("session").Unprotect(before));

        // 3. Without the old certificate the new key still opens its sessions; the old key's need the old certificate.
        var nextOnly = Instance(Folder("next-only", next), later).GetDataProtector("session");
        Assert.Equal("after", nextOnly.Unprotect(after));
        Assert.ThrowsAny<CryptographicException>(() => nextOnly.Unprotect(before));
        // And a pod that never got the new certificate could not read the new key: it must reach every pod before its start date.
        Assert.ThrowsAny<CryptographicException>(() => Instance(Folder("old-again", old), later).GetDataProtector("session").Unprotect(after));
    }

    private ServiceProvider Instance(string protectionFolder, TimeProvider time)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(time).AddSingleton(NpgsqlDataSource.Create(_database));
        services.AddSessionKeys(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Web:KeyProtectionFolder"] = protectionFolder }).Build());
        var instance = services.BuildServiceProvider();
        _instances.Add(instance);
        return instance;
    }

    private async Task<List<string>> StoredAsync()
    {
        await using var web = new NpgsqlConnection(_database);
        return [.. await web.QueryAsync<string>(Keys)];
    }

    /// <summary>A mounted secret's folder: one PEM file per certificate, the certificate and its private key.</summary>
    private string Folder(string name, params (string Name, string Pem, X509Certificate2 Certificate)[] certificates)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        foreach (var certificate in certificates)
        {
            File.WriteAllText(Path.Combine(folder, certificate.Name + ".pem"), certificate.Pem);
        }
        return folder;
    }

    private static (string Name, string Pem, X509Certificate2 Certificate) Certificate(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rsa = RSA.Create(2048);
        var certificate = new CertificateRequest($"CN=referralnet-web-{name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(notBefore, notAfter);
        return (name, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem(), certificate);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _instances.ForEach(instance => instance.Dispose());
        Directory.Delete(_folder, recursive: true);
    }
}
