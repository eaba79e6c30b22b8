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

    public const int RateLimitPerMinute = 60;
    public const int RateLimitBurst = 20;

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

            // A small budget the rate-limit test can spend quickly: 1 token a second, bursts of 20. The other tests
            // call as the admin, who is exempt.
            TestAppHost.SetEnvironment(builder, "api", "Vision__RateLimit__PerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            TestAppHost.SetEnvironment(builder, "api", "Vision__RateLimit__Burst", RateLimitBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        var http = Host.CreateApiClient();
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
