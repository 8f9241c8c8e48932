using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using ReferralNet.Testing;

namespace ReferralNet.Deployment.Tests.Kubernetes;

/// <summary>
/// Every setting a process reads is given by the overlay: each Deployment's environment, as Kubernetes would make it
/// (its ConfigMaps, its secrets and mounted secrets — here stand-ins of the right shape —, <c>$(VAR)</c> references),
/// is handed to the process itself, which checks it with <c>--check-settings</c> as it would at start.
/// </summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed partial class SettingsGivenTests : IDisposable
{
    private readonly string _mounts = Directory.CreateTempSubdirectory("referralnet-mounts.").FullName;

    private static readonly Lazy<(string Spki, string Pkcs8)> SampleKey = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
    });

    /// <summary>A certificate with its RSA key, in one PEM file.</summary>
    private static readonly Lazy<string> SampleCertificate = new(() =>
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=sample", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem();
    });

    [Theory, MemberData(nameof(ManifestRulesTests.Overlays), MemberType = typeof(ManifestRulesTests))]
    public async Task Every_setting_a_process_reads_is_given(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        var checks = rendered.All<V1Deployment>().Select(async deployment =>
            (deployment.Name(), Refused: await CheckSettingsAsync(deployment.Name(), EnvironmentOf(rendered, deployment))));

        Assert.All(await Task.WhenAll(checks), check => Assert.True(check.Refused == "", $"{check.Item1} refuses its settings:\n{check.Refused}"));
    }

    [Fact]
    public async Task The_check_finds_a_setting_left_out()
    {
        var rendered = await RenderedOverlay.OfAsync("production");
        var intake = EnvironmentOf(rendered, rendered.All<V1Deployment>().Single(d => d.Name() == "intake"));

        intake.Remove("Intake__DeskAgencyId");

        Assert.Contains("DeskAgencyId", await CheckSettingsAsync("intake", intake));
    }

    [Theory, MemberData(nameof(ManifestRulesTests.Overlays), MemberType = typeof(ManifestRulesTests))]
    public async Task The_gateway_sends_each_of_its_clusters_to_a_Service_of_the_overlay(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var gateway = EnvironmentOf(rendered, rendered.All<V1Deployment>().Single(d => d.Name() == "gateway"));
        using var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "gateway", "ReferralNet.Gateway", "appsettings.json")));
        var clusters = appsettings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().Select(c => c.Name).ToList();
        var services = rendered.All<V1Service>().ToDictionary(s => s.Name());

        Assert.NotEmpty(clusters);
        Assert.All(clusters, cluster =>
        {
            var address = Assert.Contains($"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address", gateway);
            var target = ServiceAddress().Match(address);
            Assert.True(target.Success, $"{cluster}: {address} is not a Service's address");
            var port = Assert.Single(services[target.Groups["service"].Value].Spec.Ports);
            Assert.Equal(int.Parse(target.Groups["port"].Value), port.Port);
        });
    }

    /// <summary>
    /// The environment Kubernetes gives the Deployment's container: its ConfigMaps, then its own entries in order; a path
    /// into a mounted secret leads to a folder of stand-ins for it.
    /// </summary>
    private Dictionary<string, string> EnvironmentOf(RenderedOverlay rendered, V1Deployment deployment)
    {
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        var environment = new Dictionary<string, string>();
        foreach (var source in container.EnvFrom ?? [])
        {
            var map = Assert.Single(rendered.All<V1ConfigMap>(), c => c.Name() == source.ConfigMapRef.Name);
            foreach (var (name, value) in map.Data)
            {
                environment[source.Prefix + name] = value;
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable.Value is { } value
                ? Reference().Replace(value, m => environment.GetValueOrDefault(m.Groups[1].Value, m.Value))
                : SampleSecret(Assert.IsType<V1SecretKeySelector>(variable.ValueFrom.SecretKeyRef).Key);
        }
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name).Secret is not { } secret)
            {
                continue;
            }
            var folder = Directory.CreateDirectory(Path.Combine(_mounts, deployment.Name(), mount.Name)).FullName;
            foreach (var (file, text) in SampleMountedSecret(secret.SecretName))
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }
            foreach (var (name, value) in environment.Where(e => e.Value.StartsWith(mount.MountPath, StringComparison.Ordinal)).ToList())
            {
                environment[name] = folder + value[mount.MountPath.Length..];
            }
        }
        return environment;
    }

    /// <summary>The files of a mounted secret, by the kind its name says: an issuer's public keys, or its signing key.</summary>
    private static Dictionary<string, string> SampleMountedSecret(string secret) => secret switch
    {
        _ when secret.EndsWith("-issuer-keys", StringComparison.Ordinal) => new() { ["2026-12.spki"] = SampleKey.Value.Spki },
        _ when secret.EndsWith("-issuer-signing", StringComparison.Ordinal) => new() { ["pkcs8"] = SampleKey.Value.Pkcs8 },
        "referralnet-web-key-protection" => new() { ["2026-12.pem"] = SampleCertificate.Value },
        _ => throw new InvalidOperationException($"No stand-in for the mounted secret {secret}: say here what its files look like."),
    };

    /// <summary>A stand-in of the shape a real secret of that key has (the keys are parsed at start).</summary>
    private static string SampleSecret(string key) => key switch
    {
        "spki" => SampleKey.Value.Spki,
        "pkcs8" => SampleKey.Value.Pkcs8,
        _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
    };

    /// <summary>What the process refuses in these settings (empty: nothing), run from its build output.</summary>
    private static async Task<string> CheckSettingsAsync(string process, Dictionary<string, string> environment)
    {
        var build = ProcessBuild.Of(process);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [build.Dll, "--check-settings"])
        {
            WorkingDirectory = build.Output, RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["Logging__LogLevel__Default"] = "None" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var check = System.Diagnostics.Process.Start(start)!;
        var refused = check.StandardError.ReadToEndAsync();
        await check.StandardOutput.ReadToEndAsync();
        await check.WaitForExitAsync();
        return check.ExitCode == 0 ? "" : await refused + $"(exit code {check.ExitCode})";
    }

    public void Dispose() => Directory.Delete(_mounts, recursive: true);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^http://(?<service>[a-z0-9\-]+):(?<port>[0-9]+)$")]
    private static partial Regex ServiceAddress();
}
