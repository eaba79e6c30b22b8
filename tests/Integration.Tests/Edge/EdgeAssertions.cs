using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using VisionAspire.Integration.Tests.Support;

namespace VisionAspire.Integration.Tests.Edge;

/// <summary>What every edge test checks: RFC 7807 problem details with the right status, and a topology still healthy after.</summary>
public static class EdgeAssertions
{
    private static readonly string[] Services = ["api", "preprocessor", "workers"];

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(body, Json.Options)!;
        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
    }

    /// <summary>The Api answers its health check, and the Preprocessor and workers still report healthy to the AppHost.</summary>
    public static async Task AssertHealthyAsync(ApiClient api, DistributedApplication app)
    {
        using (var health = await api.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var service in Services)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, cts.Token);
        }
    }

    public static async Task<long> CountImagesAsync(ApiClient api) =>
        (await api.Http.GetFromJsonAsync<ImagePage>("/api/v1/images?limit=1", Json.Options))!.Total;
}
