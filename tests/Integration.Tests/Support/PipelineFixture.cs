using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// One real AppHost topology (redis, postgres, rabbitmq, storage, api, preprocessor, 2 worker replicas on random
/// loopback ports) shared by every test of a class: starting it is the expensive part. The services export their
/// traces to <see cref="Traces"/>.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["api", "preprocessor", "workers"];

    public TestAppHost Host { get; private set; } = null!;

    public OtlpTraceReceiver Traces { get; } = new();

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestAppHost.StartAsync<Projects.AppHost>(Services, builder =>
        {
            foreach (var service in Services)
            {
                foreach (var (name, value) in Traces.Environment)
                {
                    TestAppHost.SetEnvironment(builder, service, name, value);
                }
            }
        });
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

        Traces.Dispose();
    }
}
