using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using ReferralNet.Testing;

namespace ReferralNet.Deployment.Tests.Kubernetes;

/// <summary>
/// Every setting a process reads is given by the overlay: each Deployment's environment, as Kubernetes would make it
/// (its ConfigMaps, its secrets — here stand-ins of the right shape —, <c>$(VAR)</c> references), is handed to the
/// process itself, which checks it with <c>--check-settings</c> as it would at start.
/// </summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed partial class SettingsGivenTests
{
    private static readonly Lazy<(string Spki, string Pkcs8)> SampleKey = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
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

    /// <summary>The environment Kubernetes gives the Deployment's container: its ConfigMaps, then its own entries in order.</summary>
    private static Dictionary<string, string> EnvironmentOf(RenderedOverlay rendered, V1Deployment deployment)
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
        return environment;
    }

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

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^http://(?<service>[a-z0-9\-]+):(?<port>[0-9]+)$")]
    private static partial Regex ServiceAddress();
}
