using System.Net.Http.Json;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Account;

/// <summary>Checks a key someone typed at sign-in: the Api says whose it is, or why it is refused.</summary>
public sealed class AccountClient(HttpClient http)
{
    /// <summary>The key's user; throws <see cref="ApiProblemException"/> with the Api's problem text when refused.</summary>
    public async Task<Me> WhoIsAsync(string apiKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        request.Headers.Add(ApiKeyHandler.Header, apiKey);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, ct);
        }

        return await response.Content.ReadFromJsonAsync<Me>(ct)
            ?? throw new ApiProblemException(response.StatusCode, "The Api answered with an empty body.", null);
    }
}
