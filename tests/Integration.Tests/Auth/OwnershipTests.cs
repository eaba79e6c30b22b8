using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Auth;

/// <summary>
/// Issue 13 item 3, no IDOR: every endpoint that takes an id answers another user as it answers an id that does not
/// exist (404 problem details; the SSE stream's 400), while the owner and admins get the resource. Alice owns one of
/// everything (built once for the class); Bob probes it. Each probe uses fresh keys so the small test rate limit never answers instead.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class OwnershipTests(PipelineFixture fixture)
{
    private static readonly SemaphoreSlim Building = new(1, 1);
    private static World? _world;

    private sealed record World(
        Guid Alice, Guid Bob, Guid ImageId, Guid UploadJobId, Guid ProcessJobId, Guid BatchJobId, Guid PersonId, Guid FaceId,
        long PredictionId, Guid PredictedImageId, byte[] FacePhoto);

    /// <summary>An endpoint taking an id; <see cref="OwnerMayCall"/> false for the ones that would destroy Alice's world.</summary>
    private sealed record Probe(string Method, Func<World, string> Path, Func<World, HttpContent?>? Body = null, bool OwnerMayCall = true, int Refusal = 404);

    private static readonly Dictionary<string, Probe> Probes = new()
    {
        ["GET image"] = new("GET", w => $"/api/v1/images/{w.ImageId}"),
        ["GET image content"] = new("GET", w => $"/api/v1/images/{w.ImageId}/content"),
        ["GET image processed blur"] = new("GET", w => $"/api/v1/images/{w.ImageId}/processed/blur"),
        ["POST image process"] = new("POST", w => $"/api/v1/images/{w.ImageId}/process", _ => JsonContent.Create(new[] { new { op = "resize", @params = new { width = 48 } } })),
        ["GET image events"] = new("GET", w => $"/api/v1/images/events?ids={w.ImageId}", Refusal: 400),
        ["GET upload job"] = new("GET", w => $"/api/v1/jobs/{w.UploadJobId}"),
        ["GET pipeline job"] = new("GET", w => $"/api/v1/jobs/{w.ProcessJobId}"),
        ["GET batch"] = new("GET", w => $"/api/v1/batch/{w.BatchJobId}"),
        ["GET person"] = new("GET", w => $"/api/v1/people/{w.PersonId}"),
        ["PATCH person"] = new("PATCH", w => $"/api/v1/people/{w.PersonId}", _ => JsonContent.Create(new { name = "Ada" })),
        ["GET person faces"] = new("GET", w => $"/api/v1/people/{w.PersonId}/faces"),
        ["POST person face from image"] = new("POST", w => $"/api/v1/people/{w.PersonId}/faces?imageId={w.ImageId}"),
        ["POST face of own upload to person"] = new("POST", w => $"/api/v1/people/{w.PersonId}/faces", w => Multipart(w.FacePhoto)),
        ["DELETE person face"] = new("DELETE", w => $"/api/v1/people/{w.PersonId}/faces/{w.FaceId}", OwnerMayCall: false),
        ["DELETE person"] = new("DELETE", w => $"/api/v1/people/{w.PersonId}", OwnerMayCall: false),
        ["GET prediction"] = new("GET", w => $"/api/v1/predictions/{w.PredictionId}"),
        ["GET image of a prediction"] = new("GET", w => $"/api/v1/images/{w.PredictedImageId}"),
        ["GET image-info by imageId"] = new("GET", w => $"/api/v1/image-info?imageId={w.ImageId}"),
        ["POST resize by imageId"] = new("POST", w => $"/api/v1/resize?imageId={w.ImageId}&width=64"),
        ["POST classify by imageId"] = new("POST", w => $"/api/v1/classify?imageId={w.ImageId}"),
        ["POST detect-faces by imageId"] = new("POST", w => $"/api/v1/detect-faces?imageId={w.ImageId}"),
        ["POST recognize by imageId"] = new("POST", w => $"/api/v1/recognize?imageId={w.ImageId}"),
    };

    public static TheoryData<string> ProbeNames => [.. Probes.Keys];

    private HttpClient Admin => fixture.Api.Http;

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Another_users_id_is_answered_as_a_missing_one_while_owner_and_admin_get_it(string name)
    {
        var world = await WorldAsync();
        var probe = Probes[name];

        using var bob = await ClientOfAsync(world.Bob);
        using var refused = await SendAsync(bob, probe, world);
        var refusedBody = await refused.Content.ReadAsStringAsync();
        Assert.True((int)refused.StatusCode == probe.Refusal, $"{name}: Bob got {(int)refused.StatusCode} {refusedBody}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Ada", refusedBody);

        // The same request naming ids that never existed is answered the same way: nothing tells Bob the ids are taken.
        var missing = world with
        {
            ImageId = Guid.NewGuid(), UploadJobId = Guid.NewGuid(), ProcessJobId = Guid.NewGuid(), BatchJobId = Guid.NewGuid(),
            PersonId = Guid.NewGuid(), FaceId = Guid.NewGuid(), PredictionId = long.MaxValue, PredictedImageId = Guid.NewGuid(),
        };
        using var absent = await SendAsync(bob, probe, missing);
        Assert.Equal(absent.StatusCode, refused.StatusCode);

        if (probe.OwnerMayCall)
        {
            using var alice = await ClientOfAsync(world.Alice);
            using var owned = await SendAsync(alice, probe, world);
            Assert.True(owned.IsSuccessStatusCode, $"{name}: Alice got {(int)owned.StatusCode} {await owned.Content.ReadAsStringAsync()}");
            if (probe.Method == "GET")
            {
                using var admin = await SendAsync(Admin, probe, world);
                Assert.True(admin.IsSuccessStatusCode, $"{name}: the admin got {(int)admin.StatusCode}");
            }
        }

        using var person = await (await ClientOfAsync(world.Alice)).GetAsync($"/api/v1/people/{world.PersonId}");
        var ada = await person.Content.ReadFromJsonAsync<JsonElement>(Json.Options);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Equal("Ada", ada.GetProperty("name").GetString());
        Assert.True(ada.GetProperty("faceCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_own_and_an_admin_sees_everyones()
    {
        var world = await WorldAsync();
        using var bob = await ClientOfAsync(world.Bob);
        using var alice = await ClientOfAsync(world.Alice);

        foreach (var (path, id) in new[] { ("/api/v1/images?limit=100", world.ImageId.ToString()), ("/api/v1/people?limit=100", world.PersonId.ToString()),
                     ("/api/v1/predictions?limit=100", world.PredictionId.ToString()) })
        {
            Assert.DoesNotContain(id, await bob.GetStringAsync(path));
            Assert.Contains(id, await alice.GetStringAsync(path));
        }

        Assert.Contains(world.ImageId.ToString(), await Admin.GetStringAsync("/api/v1/images?limit=100"));
        Assert.Contains(world.PredictionId.ToString(), await Admin.GetStringAsync($"/api/v1/predictions?limit=100&userId={world.Alice}"));
        using var nosy = await bob.GetAsync($"/api/v1/predictions?userId={world.Alice}");
        Assert.Equal(HttpStatusCode.Forbidden, nosy.StatusCode);
        Assert.Equal("application/problem+json", nosy.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_batch_naming_another_users_image_fails_that_item_as_an_unknown_id()
    {
        var world = await WorldAsync();
        using var bob = await ClientOfAsync(world.Bob);
        using var response = await bob.PostAsJsonAsync("/api/v1/batch",
            new { imageIds = new[] { world.ImageId }, operations = new[] { new { op = "resize", @params = new { width = 40 } } } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json.Options);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = body.GetProperty("items")[0];
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Contains("No image with id", item.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_same_bytes_are_one_image_per_user_and_recognize_matches_only_the_callers_people()
    {
        var world = await WorldAsync();
        var first = await UploadAsync(world.Bob, world.FacePhoto, "faces");
        var again = await UploadAsync(world.Bob, world.FacePhoto, "faces");

        Assert.NotEqual(world.ImageId, first.Id);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Id, again.Id);

        using var bob = await ClientOfAsync(world.Bob);
        using var alice = await ClientOfAsync(world.Alice);
        var bobs = await bob.PostAsync($"/api/v1/recognize?imageId={first.Id}&threshold=0.3", null);
        var alices = await alice.PostAsync($"/api/v1/recognize?imageId={world.ImageId}&threshold=0.3", null);
        var admins = await Admin.PostAsync($"/api/v1/recognize?imageId={first.Id}&threshold=0.3", null);

        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
        Assert.DoesNotContain(world.PersonId.ToString(), await bobs.Content.ReadAsStringAsync());
        Assert.Contains(world.PersonId.ToString(), await alices.Content.ReadAsStringAsync());
        Assert.Contains(world.PersonId.ToString(), await admins.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Predict_classifies_synchronously_stores_the_upload_and_the_history_shows_it_first()
    {
        var world = await WorldAsync();
        var photo = UniqueImages.WithTag(SharedImages.Bytes("bus.jpg"), $"predict-{Guid.NewGuid():N}");
        using var alice = await ClientOfAsync(world.Alice);

        var predicted = await PredictAsync(alice, photo);
        var repeated = await PredictAsync(await ClientOfAsync(world.Alice), photo);
        var history = await alice.GetFromJsonAsync<JsonElement>("/api/v1/predictions?limit=5&task=classification", Json.Options);
        var image = await alice.GetFromJsonAsync<ImageView>($"/api/v1/images/{predicted.GetProperty("imageId").GetGuid()}", Json.Options);

        Assert.Equal(["predictionId", "imageId", "predictedClass", "confidenceScore", "predictionTimeMs", "modelVersion"],
            predicted.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(predicted.GetProperty("predictedClass").GetString()));
        Assert.InRange(predicted.GetProperty("confidenceScore").GetSingle(), 0.01f, 1f);
        Assert.True(predicted.GetProperty("predictionTimeMs").GetDouble() > 0);
        Assert.Equal(predicted.GetProperty("imageId").GetGuid(), repeated.GetProperty("imageId").GetGuid());

        Assert.Equal(["predictions", "total", "page", "limit"], history.EnumerateObject().Select(p => p.Name));
        var newest = history.GetProperty("predictions")[0];
        Assert.Equal(["predictionId", "imageId", "task", "label", "confidence", "model", "modelVersion", "predictionTimeMs", "createdAt"],
            newest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(predicted.GetProperty("predictionId").GetInt64(), newest.GetProperty("predictionId").GetInt64());
        Assert.Equal(predicted.GetProperty("predictedClass").GetString(), newest.GetProperty("label").GetString());

        Assert.Equal("completed", image!.Status);
        Assert.Equal(["classify"], image.Tasks);
        Assert.Contains(image.Predictions, p => p.Task == "cifar10");
        Assert.Equal(5, image.Predictions.Count(p => p.Task == "classification"));
    }

    private static async Task<JsonElement> PredictAsync(HttpClient client, byte[] photo)
    {
        using var response = await client.PostAsync("/api/v1/predict", Multipart(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"predict answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private async Task<World> WorldAsync()
    {
        await Building.WaitAsync();
        try
        {
            return _world ??= await BuildWorldAsync();
        }
        finally
        {
            Building.Release();
        }
    }

    private async Task<World> BuildWorldAsync()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var photo = UniqueImages.WithTag(SharedImages.Bytes("face_single_woman_laptop.jpg"), $"owner-{Guid.NewGuid():N}");
        var uploaded = await UploadAsync(alice, photo, "faces,blur");
        var done = await fixture.Api.WaitForTerminalAsync(uploaded.Id, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", done.Status);

        var person = await PostJsonAsync(alice, "/api/v1/people", new { name = "Ada" });
        var personId = person.GetProperty("id").GetGuid();
        var face = await PostJsonAsync(alice, $"/api/v1/people/{personId}/faces?imageId={uploaded.Id}", null);
        var processed = await PostJsonAsync(alice, $"/api/v1/images/{uploaded.Id}/process", new[] { new { op = "resize", @params = new { width = 50 } } });
        var batch = await PostJsonAsync(alice, "/api/v1/batch",
            new { imageIds = new[] { uploaded.Id }, operations = new[] { new { op = "resize", @params = new { width = 60 } } } });
        var predicted = await PredictAsync(await ClientOfAsync(alice), UniqueImages.WithTag(SharedImages.Bytes("bus.jpg"), $"owner-{Guid.NewGuid():N}"));
        return new World(alice, bob, uploaded.Id, uploaded.JobId, processed.GetProperty("jobId").GetGuid(), batch.GetProperty("jobId").GetGuid(),
            personId, face.GetProperty("id").GetGuid(), predicted.GetProperty("predictionId").GetInt64(), predicted.GetProperty("imageId").GetGuid(), photo);
    }

    private async Task<(Guid Id, Guid JobId, bool Duplicate)> UploadAsync(Guid user, byte[] photo, string tasks)
    {
        using var client = await ClientOfAsync(user);
        using var response = await client.PostAsync($"/api/v1/images?tasks={tasks}", Multipart(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        var result = JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
        return (result.Images[0].Id, result.JobId, result.Images[0].Duplicate);
    }

    private async Task<JsonElement> PostJsonAsync(Guid user, string path, object? body)
    {
        using var client = await ClientOfAsync(user);
        using var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe, World world)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path(world)) { Content = probe.Body?.Invoke(world) };
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static MultipartFormDataContent Multipart(byte[] photo)
    {
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { part, "file", "photo.jpg" } };
    }

    private Task<Guid> CreateUserAsync(string name) => TestUsers.CreateAsync(Admin, name);

    private Task<HttpClient> ClientOfAsync(Guid user) => TestUsers.ClientOfAsync(fixture, user);
}
