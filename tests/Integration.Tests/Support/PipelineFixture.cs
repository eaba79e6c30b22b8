using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// One real AppHost topology (redis, postgres, rabbitmq, storage, api, preprocessor, 2 worker replicas on random
/// loopback ports) shared by every test of a class: starting it is the expensive part.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public TestAppHost Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestAppHost.StartAsync<Projects.AppHost>(["api", "preprocessor", "workers"]);
        var http = Host.App.CreateHttpClient("api");
        http.Timeout = TimeSpan.FromMinutes(2);
        Api = new ApiClient(http);
    }

    public async Task DisposeAsync()
    {
        Api?.Http.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
