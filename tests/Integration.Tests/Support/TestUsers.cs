using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>Users of the topology, created by the admin, and clients that call as them.</summary>
public static class TestUsers
{
    /// <summary>A new user (role user) with a unique e-mail address built from <paramref name="name"/>.</summary>
    public static async Task<Guid> CreateAsync(HttpClient admin, string name)
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"{name}-{Guid.NewGuid():N}@example.com" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Json.Options)).GetProperty("id").GetGuid();
    }

    /// <summary>A client with a new key of <paramref name="user"/>: its own rate-limit bucket, full.</summary>
    public static async Task<HttpClient> ClientOfAsync(PipelineFixture fixture, Guid user)
    {
        using var response = await fixture.Api.Http.PostAsJsonAsync($"/api/v1/users/{user}/keys", new { name = "test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(Json.Options)).GetProperty("key").GetString()!;
        var client = fixture.Host.App.CreateHttpClient("api");
        client.Timeout = TimeSpan.FromMinutes(2);
        client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        return client;
    }
}
