using VisionAspire.Hosting;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>
/// One real AppHost topology (redis, postgres, rabbitmq, storage, api, preprocessor, workers on random loopback
/// ports) for every API test class of this project: starting it is the expensive part.
/// </summary>
public sealed class OperationsAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(cts.Token);
        App = await appHost.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        foreach (var service in new[] { "api", "workers" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, cts.Token);
        }

        Http = App.CreateHttpClient("api");
        Http.Timeout = TimeSpan.FromMinutes(2);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OperationsAppCollection : ICollectionFixture<OperationsAppFixture>
{
    public const string Name = "Operations app";
}
