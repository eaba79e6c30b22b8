using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VisionAspire.Web.Account;

namespace VisionAspire.Web.Tests;

/// <summary>Which key an Api call of the web app carries; no topology needed.</summary>
public sealed class ApiKeyHandlerTests
{
    private const string CircuitKey = "va_key_of_the_circuits_person";
    private const string RequestKey = "va_key_of_the_requests_person";

    [Fact]
    public async Task Inside_a_circuit_the_circuits_person_is_used_even_when_a_request_is_at_hand()
    {
        var accessor = new CircuitServicesAccessor { Services = CircuitOf(Person(CircuitKey)) };

        Assert.Equal(CircuitKey, await SentKeyAsync(accessor, RequestOf(Person(RequestKey))));
    }

    [Fact]
    public async Task Outside_a_circuit_the_requests_person_is_used()
    {
        Assert.Equal(RequestKey, await SentKeyAsync(new CircuitServicesAccessor(), RequestOf(Person(RequestKey))));
    }

    [Fact]
    public async Task Nobody_signed_in_sends_no_key_and_a_key_the_caller_names_is_kept()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.Null(await SentKeyAsync(new CircuitServicesAccessor { Services = CircuitOf(anonymous) }, RequestOf(anonymous)));

        var named = new HttpRequestMessage(HttpMethod.Get, "http://api/api/v1/me");
        named.Headers.Add(ApiKeyHandler.Header, "va_typed_at_sign_in");
        Assert.Equal("va_typed_at_sign_in", await SentKeyAsync(new CircuitServicesAccessor(), RequestOf(Person(RequestKey)), named));
    }

    [Fact]
    public async Task Work_started_inside_a_circuit_keeps_its_person_after_the_circuit_handler_moves_on()
    {
        var accessor = new CircuitServicesAccessor();
        var handler = new CircuitServicesHandler(CircuitOf(Person(CircuitKey)), accessor);
        var release = new TaskCompletionSource();
        Task<string?>? followUp = null;

        // As a page starts the live status feed from an event handler and returns while it runs on.
        await handler.CreateInboundActivityHandler(_ =>
        {
            followUp = Task.Run(async () =>
            {
                await release.Task;
                return await SentKeyAsync(accessor, new HttpContextAccessor());
            });
            return Task.CompletedTask;
        })(null!);
        Assert.Null(accessor.Services);
        release.SetResult();

        Assert.Equal(CircuitKey, await followUp!);
    }

    private static ClaimsPrincipal Person(string key) =>
        SignedInUser.Create(new Me(new MeUser(Guid.NewGuid(), "ada@example.com", "Ada", "user"), "ApiKey"), key);

    private static IServiceProvider CircuitOf(ClaimsPrincipal user) =>
        new ServiceCollection().AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(user)).BuildServiceProvider();

    private static IHttpContextAccessor RequestOf(ClaimsPrincipal user) =>
        new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } };

    private static async Task<string?> SentKeyAsync(CircuitServicesAccessor circuit, IHttpContextAccessor http, HttpRequestMessage? request = null)
    {
        var api = new RecordingApi();
        using var client = new HttpClient(new ApiKeyHandler(circuit, http) { InnerHandler = api });
        using var response = await client.SendAsync(request ?? new HttpRequestMessage(HttpMethod.Get, "http://api/api/v1/images"));
        return api.Key;
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    /// <summary>Stands where the Api would be: records the key a call arrived with.</summary>
    private sealed class RecordingApi : HttpMessageHandler
    {
        public string? Key { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Key = request.Headers.TryGetValues(ApiKeyHandler.Header, out var values) ? values.Single() : null;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
