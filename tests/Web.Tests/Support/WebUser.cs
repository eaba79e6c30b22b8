using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Web.Tests.Support;

/// <summary>A person who signs in to the web app: a new non-admin user of the Api and their key (made by the admin).</summary>
public sealed record WebUser(Guid Id, string Email, string Key)
{
    private sealed record CreatedUser(Guid Id, string Email);

    private sealed record CreatedKey(string Key);

    public static async Task<WebUser> CreateAsync(WebAppFixture app)
    {
        var email = $"web-{Guid.NewGuid():N}@example.com";
        using var created = await app.Api.PostAsJsonAsync("/api/v1/users", new { email });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.Content.ReadFromJsonAsync<CreatedUser>())!;
        using var keyResponse = await app.Api.PostAsJsonAsync($"/api/v1/users/{user.Id}/keys", new { name = "web tests" });
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        return new WebUser(user.Id, user.Email, (await keyResponse.Content.ReadFromJsonAsync<CreatedKey>())!.Key);
    }

    /// <summary>A client of the Api that calls as this person (rate-limited like any user).</summary>
    public HttpClient CreateApiClient(WebAppFixture app)
    {
        var client = app.Host.App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add(TestKeys.Header, Key);
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }
}
