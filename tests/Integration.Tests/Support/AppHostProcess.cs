using VisionAspire.LocalServers;
using System.Diagnostics;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// The built AppHost run as its own process, the way `make run` runs it (no test builder in between), on random ports
/// with its own state folder, so that the test can signal it like a terminal or a process manager would.
/// </summary>
public sealed class AppHostProcess : IDisposable
{
    // The web app starts last (it waits for the Api to be healthy): a signal before it runs would land mid-start-up.
    private static readonly string[] Services =
        ["VisionAspire.Api", "VisionAspire.Preprocessor", "VisionAspire.Workers.Gpu", "VisionAspire.Web", "redis-server", "postgres", "beam.smp"];

    private readonly Process _process;
    private readonly string _stateDirectory;

    private AppHostProcess(Process process, string stateDirectory)
    {
        _process = process;
        _stateDirectory = stateDirectory;
    }

    public int Pid => _process.Id;

    public static AppHostProcess Start(string configuration)
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("no repository root");
        var dll = Path.Combine(root, "AppHost", "bin", configuration, "net10.0", "VisionAspire.AppHost.dll");
        var state = Path.Combine(Path.GetTempPath(), $"vision-apphost-{Guid.NewGuid():N}");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(root, "AppHost"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, $"--Vision:StateDirectory={state}", "--Vision:Servers=processes" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        startInfo.Environment["DcpPublisher__RandomizePorts"] = "true";
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppHostProcess(process, state);
    }

    /// <summary>
    /// Every process the AppHost is responsible for: its own tree and DCP's (DCP detaches from the AppHost and watches
    /// it with --monitor), once every server and service runs.
    /// </summary>
    public async Task<IReadOnlyList<ProcessTree.ProcessIdentity>> WaitForTopologyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var processes = ProcessTree.Snapshot(Pid).Concat(DcpRoots().SelectMany(ProcessTree.Snapshot)).Distinct().ToList();
            var commands = processes.Select(p => CommandLine(p.Pid)).ToList();
            if (Services.All(s => commands.Any(c => c.Contains(s, StringComparison.Ordinal))))
            {
                return processes;
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the topology was not up within {timeout}; running: {string.Join(" | ", commands)}");
            }
            await Task.Delay(500);
        }
    }

    public void Signal(int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString()]);
        kill.WaitForExit();
    }

    private IEnumerable<int> DcpRoots() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains($"--monitor {Pid}", StringComparison.Ordinal));

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        TestState.Delete(_stateDirectory);
    }
}
