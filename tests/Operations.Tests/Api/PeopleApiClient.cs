using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>
/// The people and recognize endpoints as a client calls them. The gallery is shared by every test of the app, so each
/// test deletes the people it created (<see cref="DeleteCreatedAsync"/>) and none is identified by another test.
/// </summary>
public sealed class PeopleApiClient(HttpClient http)
{
    private readonly List<Guid> _created = [];

    public HttpClient Http => http;

    public async Task DeleteCreatedAsync()
    {
        foreach (var id in _created)
        {
            using var _ = await http.DeleteAsync($"/api/v1/people/{id}");
        }
        _created.Clear();
    }

    public async Task<Guid> CreatePersonAsync(string name, string? externalId = null)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/people", new { name, externalId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {body}");
        var id = Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
        _created.Add(id);
        return id;
    }

    public Task<HttpResponseMessage> EnrolAsync(Guid person, byte[] image, string query = "") =>
        http.PostAsync($"/api/v1/people/{person}/faces{query}", OperationsClient.Form(image));

    public async Task<JsonObject> EnrolOkAsync(Guid person, byte[] image, string query = "")
    {
        using var response = await EnrolAsync(person, image, query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"enrol answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The faces of the recognize answer.</summary>
    public async Task<JsonArray> RecognizeAsync(byte[] image, string query = "")
    {
        using var response = await http.PostAsync($"/api/v1/recognize{query}", OperationsClient.Form(image));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"recognize answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["faces"]!.AsArray();
    }

    public static IEnumerable<Guid> MatchedPeople(JsonNode face) =>
        face["matches"]!.AsArray().Select(m => Guid.Parse(m!["personId"]!.GetValue<string>()));
}
