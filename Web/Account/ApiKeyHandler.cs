using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace VisionAspire.Web.Account;

/// <summary>
/// Sends every Api call with the signed-in person's key: from the circuit's authentication state inside a Blazor
/// circuit, else from the HTTP request being served (prerendering, the media relay). A call that already names a
/// key (sign-in checking the typed one) keeps it; a call without a signed-in person goes without one and the Api
/// answers 401.
/// </summary>
public sealed class ApiKeyHandler(CircuitServicesAccessor circuit, IHttpContextAccessor http) : DelegatingHandler
{
    public const string Header = "X-Api-Key";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(Header) && SignedInUser.ApiKeyOf(await CurrentUserAsync()) is { } key)
        {
            request.Headers.Add(Header, key);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<ClaimsPrincipal?> CurrentUserAsync()
    {
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } provider)
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }

        return http.HttpContext?.User;
    }
}
