using VisionAspire.LocalServers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Collections.Concurrent;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>The built Api (same configuration as these tests) as a child process on a free loopback port.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
        Http.DefaultRequestHeaders.Add(TestKeys.Header, TestKeys.Admin);
    }

    /// <summary>A client whose 20 s timeout turns a hanging request into a failure.</summary>
    public HttpClient Http { get; }

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0
        var dll = Path.Combine(RepositoryRoot.Find()!, "Api", "bin", configuration, "net10.0", "VisionAspire.Api.dll");
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_URLS"] = address.ToString();
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Vision__Auth__JwtSigningKey"] = TestKeys.JwtSigningKey;
        startInfo.Environment["Vision__Auth__BootstrapAdminKey"] = TestKeys.Admin;
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var api = new ApiProcess(Process.Start(startInfo)!, address);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!await api.IsAliveAsync())
        {
            if (api._process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = string.Join('\n', api._output);
                await api.DisposeAsync();
                throw new InvalidOperationException($"The Api did not come up:\n{output}");
            }

            await Task.Delay(200);
        }

        return api;
    }

    /// <summary>The Api's connection strings to <paramref name="servers"/> (Redis, Postgres, RabbitMQ) and a filesystem store at <paramref name="storage"/>.</summary>
    public static async Task<Dictionary<string, string>> ConnectionsAsync(TestServers servers, string storage) => new()
    {
        ["ConnectionStrings__cache"] = await servers.ConnectionStringAsync(TestServers.Redis),
        ["ConnectionStrings__visiondb"] = await servers.ConnectionStringAsync(TestServers.Postgres) + ";Database=postgres",
        ["ConnectionStrings__messaging"] = await servers.ConnectionStringAsync(TestServers.RabbitMQ),
        ["ConnectionStrings__storage"] = $"Path={storage}",
    };

    /// <summary>POST /api/v1/images with one shared photo made unique (so it is never a duplicate).</summary>
    public async Task<HttpResponseMessage> UploadNewPhotoAsync()
    {
        var photo = UniqueImages.WithTag(SharedImages.Bytes(SharedImages.Names()[0]), Guid.NewGuid().ToString());
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { file, "file", "photo.jpg" } };
        return await Http.PostAsync("/api/v1/images", form);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 60 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task<bool> IsAliveAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/alive");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
