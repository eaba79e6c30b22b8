using VisionAspire.LocalServers;
using System.Diagnostics;
using System.Net.Sockets;
using VisionAspire.TestSupport;

namespace VisionAspire.Infrastructure.Tests.Storage;

/// <summary>A real S3 API: <c>moto_server</c> on a free loopback port, started for one test class.</summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        var startInfo = new ProcessStartInfo("moto_server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString() })
        {
            startInfo.ArgumentList.Add(arg);
        }
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("moto_server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Endpoint = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}.");
            }
            try
            {
                using var response = await http.GetAsync(Endpoint);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("moto_server did not answer HTTP within 180 s.", ex);
                }
                await Task.Delay(200);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
