using System.Diagnostics;
using ReferralNet.Testing;

namespace ReferralNet.Deployment.Tests.RunCommand;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class OneNetworkPerDataFolderTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("referralnet-run-").FullName;

    [Fact]
    public async Task A_second_run_of_a_running_data_folder_refuses_and_touches_nothing()
    {
        // What a running network holds: the folder's run lock, with the run script's process id in it.
        var lockFile = Path.Combine(data, "run.lock");
        using var running = Process.Start(new ProcessStartInfo("flock", [lockFile, "bash", "-c", "echo $$ > \"$0\"; echo $$; exec cat", lockFile])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        var runner = await running.StandardOutput.ReadLineAsync();
        Assert.Matches("^[0-9]+$", runner);

        var second = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "run.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            // Ports of no one's, so that a run which failed to refuse would touch no other network.
            Environment =
            {
                ["REFERRALNET_DATA"] = data, ["REFERRALNET_PG_PORT"] = FreePorts.Next(20000, 32000).ToString(),
                ["REFERRALNET_RABBIT_PORT"] = ServerScript.FreePort(10000, 12700).ToString(),
                ["REFERRALNET_GATEWAY_PORT"] = FreePorts.Next(20000, 32000).ToString(), ["REFERRALNET_WEB_PORT"] = FreePorts.Next(20000, 32000).ToString(),
            },
        };
        using var run = Process.Start(second)!;
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"already runs from {data}: deploy/run.sh, process {runner}.", await errors);
        Assert.Equal(["run.lock"], Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName));
        Assert.False(running.HasExited);
        running.StandardInput.Close();
        await running.WaitForExitAsync();
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}
