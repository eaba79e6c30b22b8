using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>
/// One real AppHost topology (redis, postgres, rabbitmq, storage, api, preprocessor, workers on random loopback
/// ports) for every API test class of this project: starting it is the expensive part.
/// </summary>
public sealed class OperationsAppFixture : IAsyncLifetime
{
    public TestAppHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestAppHost.StartAsync<Projects.AppHost>(["api", "workers"]);
        Http = Host.CreateApiClient();
        Http.Timeout = TimeSpan.FromMinutes(2);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OperationsAppCollection : ICollectionFixture<OperationsAppFixture>
{
    public const string Name = "Operations app";
}
