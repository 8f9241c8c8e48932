using System.Net;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>
/// The public contract as agency integrators' tools take it: the two linters they run (Redocly's recommended rules and
/// Spectral's spectral:oas, pinned in tests/openapi and installed by deploy/test.sh) find no error, and the C# client
/// Kiota generates from it compiles.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class ContractToolsTests(NetworkFixture fixture)
{
    private static readonly string Tools = Path.Combine(RepositoryRoot.Path, "tests", "openapi");

    [Fact]
    public async Task Redocly_and_Spectral_find_no_error_in_the_public_contract()
    {
        var contract = await SaveContractAsync();

        var redocly = JsonNode.Parse(await NodeToolAsync("redocly", "lint", contract, "--config", Path.Combine(Tools, "redocly.yaml"), "--format", "json"))!;
        var spectral = JsonNode.Parse(await NodeToolAsync("spectral", "lint", contract, "--ruleset", Path.Combine(Tools, ".spectral.yaml"), "--format", "json", "--quiet"))!;

        var redoclyErrors = redocly["problems"]!.AsArray().Where(p => p!["severity"]!.GetValue<string>() == "error")
            .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        // Spectral's severity 0 is an error.
        var spectralErrors = spectral.AsArray().Where(p => p!["severity"]!.GetValue<int>() == 0)
            .Select(p => $"{p!["code"]}: {p["message"]} at {string.Join('/', p["path"]!.AsArray())}").ToList();
        Assert.True(redoclyErrors.Count + spectralErrors.Count == 0,
            $"Redocly: {redoclyErrors.Count} errors, Spectral: {spectralErrors.Count}:\n{string.Join('\n', [.. redoclyErrors.Take(30), .. spectralErrors.Take(30)])}");
    }

    [Fact]
    public async Task A_csharp_client_generated_from_the_public_contract_compiles()
    {
        var contract = await SaveContractAsync();
        var generated = Path.Combine(Path.GetDirectoryName(contract)!, "client");

        await ServerScript.RunProcessAsync("dotnet", ["tool", "run", "kiota", "--", "generate", "--language", "CSharp", "--openapi", contract,
            "--output", generated, "--class-name", "ReferralNetClient", "--namespace-name", "Agency.ReferralNet", "--clean-output",
            "--log-level", "Warning"]);
        Assert.NotEmpty(Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories));

        // Built as an agency's project would be, with warnings as errors (a failed build names them in the exception).
        await ServerScript.RunProcessAsync("dotnet", ["build", Path.Combine(Tools, "AgencyClient", "AgencyClient.csproj"), "-nologo",
            "-clp:ErrorsOnly", $"-p:GeneratedClient={generated}", "-p:BaseOutputPath=" + Path.Combine(generated, "bin") + "/",
            "-p:BaseIntermediateOutputPath=" + Path.Combine(generated, "obj") + "/"]);
    }

    /// <summary>The public contract as the gateway serves it, kept in TestResults/openapi of the checkout to be read.</summary>
    private async Task<string> SaveContractAsync()
    {
        using var anonymous = await fixture.Network.ClientAsync();
        var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "TestResults", "openapi")).FullName, "referralnet.json");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());
        return path;
    }

    /// <summary>Runs a linter installed in tests/openapi; its report is on standard output whether or not it found errors.</summary>
    private static async Task<string> NodeToolAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(Tools, "node_modules", ".bin", tool);
        Assert.True(File.Exists(executable), $"{executable} is missing: deploy/test.sh installs it (npm ci in tests/openapi).");
        var output = await ServerScript.RunProcessAsync(executable, arguments,
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" }, anyExitCode: true);
        Assert.True(output.TrimStart().StartsWith('{') || output.TrimStart().StartsWith('['), $"{tool} gave no report: {output}");
        return output;
    }
}
