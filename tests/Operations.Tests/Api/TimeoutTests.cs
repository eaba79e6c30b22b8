using Aspire.Hosting.Testing;
using System.Net;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>An Api whose processing timeout is 0.3 s (Vision:Operations:TimeoutSeconds), and one processing slot.</summary>
public sealed class ShortTimeoutAppFixture : IAsyncLifetime
{
    public TestAppHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestAppHost.StartAsync<Projects.AppHost>(["api"], builder =>
        {
            TestAppHost.SetEnvironment(builder, "api", "Vision__Operations__TimeoutSeconds", "0.3");
            TestAppHost.SetEnvironment(builder, "api", "Vision__Operations__MaxConcurrentOperations", "1");
        });
        Http = Host.CreateApiClient();
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

/// <summary>Work past the timeout answers 503 problem details at once; the Api stays responsive and recovers its slot.</summary>
public sealed class TimeoutTests(ShortTimeoutAppFixture fixture) : IClassFixture<ShortTimeoutAppFixture>
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Fact]
    public async Task Processing_past_the_timeout_is_a_503_problem_and_the_api_stays_healthy()
    {
        var heavy = TestImages.Bytes("car_plate_bmw.jpg");

        using var response = await _api.PostImageAsync("/api/v1/filter?type=median&size=15", heavy);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await OperationsClient.ProblemAsync(response);
        Assert.Equal("Processing timed out", problem["title"]!.GetValue<string>());
        using var health = await _api.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The abandoned run keeps the only slot until libvips finishes it; then small work succeeds again.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        HttpStatusCode status;
        do
        {
            using var small = await _api.PostImageAsync("/api/v1/resize?width=32", TestImages.Bytes("faces_two_handshake.jpg"));
            status = small.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
