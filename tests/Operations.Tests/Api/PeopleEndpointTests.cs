using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>People CRUD, pagination and problem details through the real Api and Postgres.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class PeopleEndpointTests(OperationsAppFixture fixture) : IAsyncLifetime
{
    private const string Unknown = "6f1d3c9e-8a47-4d8e-9d55-0b7f2f1f0c11";

    private readonly PeopleApiClient _api = new(fixture.Http);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _api.DeleteCreatedAsync();

    [Fact]
    public async Task People_are_created_read_renamed_listed_newest_first_and_deleted()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await _api.CreatePersonAsync($"first {tag}", $"ext-{tag}");
        var second = await _api.CreatePersonAsync($"second {tag}");
        var third = await _api.CreatePersonAsync($"third {tag}");

        var person = await GetJsonAsync($"/api/v1/people/{first}");
        Assert.Equal($"first {tag}", person["name"]!.GetValue<string>());
        Assert.Equal($"ext-{tag}", person["externalId"]!.GetValue<string>());
        Assert.Equal(0, person["faceCount"]!.GetValue<int>());

        var page1 = await GetJsonAsync("/api/v1/people?page=1&limit=2");
        var page2 = await GetJsonAsync("/api/v1/people?page=2&limit=2");
        Assert.True(page1["total"]!.GetValue<long>() >= 3);
        Assert.Equal([third, second], Ids(page1));
        Assert.Equal(first, Ids(page2)[0]);

        using (var renamed = await _api.Http.PatchAsJsonAsync($"/api/v1/people/{second}", new { name = $"renamed {tag}" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }
        Assert.Equal($"renamed {tag}", (await GetJsonAsync($"/api/v1/people/{second}"))["name"]!.GetValue<string>());

        using (var duplicate = await _api.Http.PatchAsJsonAsync($"/api/v1/people/{third}", new { externalId = $"ext-{tag}" }))
        {
            await AssertProblemAsync(duplicate, 409);
        }

        using (var deleted = await _api.Http.DeleteAsync($"/api/v1/people/{first}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using var gone = await _api.Http.GetAsync($"/api/v1/people/{first}");
        await AssertProblemAsync(gone, 404);
    }

    [Theory]
    [InlineData("GET", $"/api/v1/people/{Unknown}")]
    [InlineData("DELETE", $"/api/v1/people/{Unknown}")]
    [InlineData("GET", $"/api/v1/people/{Unknown}/faces")]
    [InlineData("DELETE", $"/api/v1/people/{Unknown}/faces/{Unknown}")]
    public async Task Unknown_people_and_faces_are_404_problems(string method, string path)
    {
        using var response = await _api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task Enrolling_for_an_unknown_person_is_a_404_problem()
    {
        using var response = await _api.EnrolAsync(Guid.Parse(Unknown), TestImages.Bytes("face_single_woman_laptop.jpg"));
        await AssertProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("/api/v1/people?limit=0")]
    [InlineData("/api/v1/people?limit=101")]
    [InlineData("/api/v1/people?page=0")]
    public async Task Bad_paging_is_a_400_problem(string path)
    {
        using var response = await _api.Http.GetAsync(path);
        await AssertProblemAsync(response, 400);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":"ok","externalId":""}""")]
    public async Task A_person_without_a_proper_name_or_external_id_is_a_400_problem(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _api.Http.PostAsync("/api/v1/people", content);
        await AssertProblemAsync(response, 400);
    }

    [Theory]
    [InlineData("/api/v1/recognize?top=0")]
    [InlineData("/api/v1/recognize?top=11")]
    [InlineData("/api/v1/recognize?threshold=1.5")]
    [InlineData("/api/v1/recognize?treshold=0.5")]
    public async Task Bad_recognize_parameters_are_400_problems_naming_the_field(string path)
    {
        using var response = await _api.Http.PostAsync(path, OperationsClient.Form(TestImages.Bytes("faces_two_handshake.jpg")));
        var problem = await AssertProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]);
    }

    [Fact]
    public async Task A_negative_face_index_is_a_400_problem()
    {
        var person = await _api.CreatePersonAsync("index check");
        using var response = await _api.EnrolAsync(person, TestImages.Bytes("face_single_woman_laptop.jpg"), "?face=-1");
        await AssertProblemAsync(response, 400);
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await _api.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<Guid> Ids(JsonObject page) =>
        page["items"]!.AsArray().Select(p => Guid.Parse(p!["id"]!.GetValue<string>())).ToList();

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await OperationsClient.ProblemAsync(response);
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
