using VisionAspire.Hosting;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// One real AppHost topology (redis, postgres, rabbitmq, storage, api, preprocessor, 2 worker replicas on random
/// loopback ports) shared by every test of a class: starting it is the expensive part.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public DistributedApplication App { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(cts.Token);
        App = await appHost.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        foreach (var service in new[] { "api", "preprocessor", "workers" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, cts.Token);
        }

        var http = App.CreateHttpClient("api");
        http.Timeout = TimeSpan.FromMinutes(2);
        Api = new ApiClient(http);
    }

    public async Task DisposeAsync()
    {
        Api?.Http.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
