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
        // What a running network's processes hold: the folder's run lock.
        var lockFile = Path.Combine(data, "run.lock");
        using var running = Process.Start(new ProcessStartInfo("flock", [lockFile, "-c", "echo locked; exec cat"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        Assert.Equal("locked", await running.StandardOutput.ReadLineAsync());

        var second = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "run.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["REFERRALNET_DATA"] = data },
        };
        using var run = Process.Start(second)!;
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"already runs from {data}", await errors);
        Assert.Contains(running.Id.ToString(), await errors); // flock runs cat in its own process: the shell's exec
        Assert.Equal(["run.lock"], Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName));
        Assert.False(running.HasExited);
        running.StandardInput.Close();
        await running.WaitForExitAsync();
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}
