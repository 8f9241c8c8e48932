using System.Diagnostics;

namespace ReferralNet.Testing;

/// <summary>
/// Starts, crashes and stops servers of a test's own with the project's script functions (<c>deploy/lib/servers.sh</c>),
/// the same ones the run and test commands use; everything binds to 127.0.0.1.
/// </summary>
public static class ServerScript
{
    /// <summary>Runs <paramref name="commands"/> with the script functions loaded and <c>$1</c> set to <paramref name="folder"/>.</summary>
    public static Task RunAsync(string folder, string commands) =>
        RunProcessAsync("bash", ["-c", $"source \"$0\" && {commands}", Path.Combine(RepositoryRoot.Path, "deploy", "lib", "servers.sh"), folder]);

    /// <summary>
    /// Runs a program to its end and returns what it wrote on standard output; a non-zero exit fails with its standard
    /// error, unless <paramref name="anyExitCode"/> (a linter's report comes with its findings' exit code).
    /// </summary>
    public static async Task<string> RunProcessAsync(
        string command, string[] arguments, IReadOnlyDictionary<string, string>? environment = null, bool anyExitCode = false)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !anyExitCode)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }
        return await output;
    }

    /// <summary>A free port; for RabbitMQ's (below 12768), port + 20000 too, its distribution port.</summary>
    public static int FreePort(int low, int high) =>
        FreePorts.Next(low, high, port => port + 20000 >= 32768 || FreePorts.IsFree(port + 20000));
}

/// <summary>The checkout this test runs from, found by its solution file.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Release or Debug: the configuration this test assembly was built in, and so the services too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ReferralNet.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("ReferralNet.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A ReferralNet process's project folder and the assembly its build output runs, named as deploy/lib/network.sh names them.</summary>
public sealed record ProcessBuild(string Project, string Assembly)
{
    public static ProcessBuild Of(string process)
    {
        var name = char.ToUpperInvariant(process[0]) + process[1..];
        return process is "gateway" or "web" ? new($"{process}/ReferralNet.{name}", $"ReferralNet.{name}") : new($"services/{name}", $"ReferralNet.{name}");
    }

    /// <summary>The build output the process runs from, as its image does from /app.</summary>
    public string Output => System.IO.Path.Combine(RepositoryRoot.Path, Project, "bin", RepositoryRoot.Configuration, "net10.0");

    public string Dll => System.IO.Path.Combine(Output, Assembly + ".dll");
}
