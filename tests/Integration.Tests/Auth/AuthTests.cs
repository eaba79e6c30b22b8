using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Auth;

[Collection(AppHostCollection.Name)]
public sealed class AuthTests(PipelineFixture fixture)
{
    private sealed record Problem(int Status, string Title, string? Detail);

    private sealed record CreatedUser(Guid Id, string Email, string Role);

    private sealed record CreatedKey(Guid Id, string Prefix, string Key);

    private sealed record Me(CreatedUser User, string AuthenticatedWith, List<KeyView> Keys);

    private sealed record KeyView(Guid Id, string Prefix, DateTimeOffset? RevokedAt);

    private sealed record Token(string AccessToken, string TokenType, int ExpiresIn);

    private HttpClient Admin => fixture.Api.Http;

    [Fact]
    public async Task Data_endpoints_refuse_callers_without_credentials_with_problem_details()
    {
        using var anonymous = fixture.Host.App.CreateHttpClient("api");
        using var response = await anonymous.GetAsync("/api/v1/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json.Options);
        Assert.Contains("X-Api-Key", problem!.Detail);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    public async Task Probes_metrics_and_the_api_description_need_no_credentials(string path)
    {
        using var anonymous = fixture.Host.App.CreateHttpClient("api");
        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("va_ThisKeyWasNeverIssued_0123456789abcdefghijklmnop")]
    [InlineData("not-a-key")]
    [InlineData("va_short")]
    public async Task An_unknown_or_malformed_key_is_refused(string key)
    {
        using var client = WithKey(key);
        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json.Options);
        Assert.Contains("not valid", problem!.Detail);
    }

    [Fact]
    public async Task A_user_key_identifies_its_user_and_cannot_administer()
    {
        var (user, key) = await CreateUserWithKeyAsync();
        using var client = WithKey(key.Key);

        var me = await client.GetFromJsonAsync<Me>("/api/v1/me", Json.Options);
        using var forbidden = await client.PostAsJsonAsync("/api/v1/users", new { email = $"x-{Guid.NewGuid():N}@example.com" });

        Assert.Equal(user.Id, me!.User.Id);
        Assert.Equal("user", me.User.Role);
        Assert.Equal("ApiKey", me.AuthenticatedWith);
        Assert.Equal(key.Prefix, Assert.Single(me.Keys).Prefix);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_is_exchanged_for_a_bearer_token_that_authenticates_and_cannot_be_forged()
    {
        var (user, key) = await CreateUserWithKeyAsync();
        using var keyClient = WithKey(key.Key);
        using var issued = await keyClient.PostAsync("/api/v1/auth/token", null);
        var token = (await issued.Content.ReadFromJsonAsync<Token>(Json.Options))!;

        using var bearer = fixture.Host.App.CreateHttpClient("api");
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = await bearer.GetFromJsonAsync<Me>("/api/v1/me", Json.Options);
        using var again = await bearer.PostAsync("/api/v1/auth/token", null);

        var parts = token.AccessToken.Split('.');
        var forgedPayload = parts[1][..^2] + (parts[1][^2] == 'A' ? "B" : "A") + parts[1][^1];
        using var forged = fixture.Host.App.CreateHttpClient("api");
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{parts[0]}.{forgedPayload}.{parts[2]}");
        using var refused = await forged.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("Bearer", token.TokenType);
        Assert.InRange(token.ExpiresIn, 60, 3600);
        Assert.Equal(user.Id, me!.User.Id);
        Assert.Equal("Bearer", me.AuthenticatedWith);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);   // tokens are made from keys, not from tokens
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (_, key) = await CreateUserWithKeyAsync();
        using var client = WithKey(key.Key);
        using var before = await client.GetAsync("/api/v1/me");

        using var revoke = await client.DeleteAsync($"/api/v1/me/keys/{key.Id}");
        using var after = await client.GetAsync("/api/v1/me");
        using var adminRevokesForeign = await Admin.DeleteAsync($"/api/v1/me/keys/{key.Id}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminRevokesForeign.StatusCode);   // /me/keys are the caller's own
    }

    [Fact]
    public async Task Creating_a_user_validates_the_email_and_refuses_duplicates()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        using var first = await Admin.PostAsJsonAsync("/api/v1/users", new { email });
        using var second = await Admin.PostAsJsonAsync("/api/v1/users", new { email = email.ToUpperInvariant() });
        using var invalid = await Admin.PostAsJsonAsync("/api/v1/users", new { email = "not an email" });
        using var badRole = await Admin.PostAsJsonAsync("/api/v1/users", new { email = $"r-{Guid.NewGuid():N}@example.com", role = "root" });
        using var unknownUser = await Admin.PostAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/keys", new { name = "k" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
    }

    [Fact]
    public async Task A_caller_who_spends_the_budget_gets_429_with_retry_after_and_the_admin_is_exempt()
    {
        var (_, key) = await CreateUserWithKeyAsync();
        using var client = WithKey(key.Key);
        var clock = Stopwatch.StartNew();
        var allowed = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Contains("RateLimit-Remaining"));
            response.Dispose();
            allowed++;
        }

        // Refilled at most one token per elapsed second (plus the one in progress).
        var ceiling = PipelineFixture.RateLimitBurst + (int)Math.Ceiling(clock.Elapsed.TotalSeconds * PipelineFixture.RateLimitPerMinute / 60) + 1;
        Assert.NotNull(refused);
        Assert.InRange(allowed, PipelineFixture.RateLimitBurst, ceiling);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        refused.Dispose();

        for (var i = 0; i < PipelineFixture.RateLimitBurst * 2; i++)
        {
            using var adminResponse = await Admin.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        }
    }

    private async Task<(CreatedUser User, CreatedKey Key)> CreateUserWithKeyAsync()
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/users", new { email = $"user-{Guid.NewGuid():N}@example.com" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.Content.ReadFromJsonAsync<CreatedUser>(Json.Options))!;
        using var keyResponse = await Admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/keys", new { name = "test" });
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        return (user, (await keyResponse.Content.ReadFromJsonAsync<CreatedKey>(Json.Options))!);
    }

    private HttpClient WithKey(string key)
    {
        var client = fixture.Host.App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        return client;
    }
}
