using System.Net;
using System.Net.Http.Json;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.People;

/// <summary>The people gallery and face recognition of the Api; a failed call throws <see cref="ApiProblemException"/>.</summary>
public sealed class PeopleClient(HttpClient http)
{
    public const int MaxPageSize = 100;

    public async Task<PersonPage> ListAsync(int page, int limit, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/v1/people?page={page}&limit={limit}", ct);
        return await VisionApiClient.ReadAsync<PersonPage>(response, ct);
    }

    public async Task<Person> CreateAsync(string name, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/v1/people", new { name }, ct);
        return await VisionApiClient.ReadAsync<Person>(response, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"api/v1/people/{id}", ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await ApiProblemException.ReadAsync(response, ct);
        }
    }

    /// <summary>Enrols face number <paramref name="face"/> (as numbered by recognize) of a stored image for the person.</summary>
    public async Task<EnrolledFace> EnrolAsync(Guid personId, Guid imageId, int face, CancellationToken ct)
    {
        using var response = await http.PostAsync($"api/v1/people/{personId}/faces?imageId={imageId}&face={face}", content: null, ct);
        return await VisionApiClient.ReadAsync<EnrolledFace>(response, ct);
    }

    /// <summary>The faces of a stored image, each identified against the gallery, unknown or unusable.</summary>
    public async Task<Recognition> RecognizeAsync(Guid imageId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"api/v1/recognize?imageId={imageId}", content: null, ct);
        return await VisionApiClient.ReadAsync<Recognition>(response, ct);
    }
}
