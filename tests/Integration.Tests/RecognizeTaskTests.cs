using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>
/// The recognize upload task on the real topology: a face upload's faces are identified by the workers against its
/// owner's people, and the result is in GET /api/v1/images/{id}.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class RecognizeTaskTests(PipelineFixture fixture)
{
    private const string Woman = "face_single_woman_laptop.jpg";
    private const string Children = "faces_group_children.jpg";
    private const float DefaultThreshold = 0.5f;

    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_face_upload_is_identified_against_its_owners_people_and_never_against_another_users()
    {
        var alice = await TestUsers.CreateAsync(fixture.Api.Http, "recognize-alice");
        var bob = await TestUsers.CreateAsync(fixture.Api.Http, "recognize-bob");
        var ada = await EnrolAsync(alice, "Ada", SharedImages.Bytes(Woman));
        var copy = FaceEdits.Jpeg(Woman, "mirrored-0.8x");

        var mirrored = await UploadAndWaitAsync(alice, UniqueImages.WithTag(copy, $"recognize-{Guid.NewGuid()}"));
        var group = await UploadAndWaitAsync(alice, UniqueImages.WithTag(SharedImages.Bytes(Children), $"recognize-{Guid.NewGuid()}"));
        var bobsCopy = await UploadAndWaitAsync(bob, UniqueImages.WithTag(copy, $"recognize-{Guid.NewGuid()}"));

        Assert.Equal([ImageTasks.Faces, ImageTasks.Recognize], mirrored.Tasks);
        var face = Assert.Single(Recognized(mirrored));
        Assert.Equal("identified", face.Label);
        Assert.False(string.IsNullOrEmpty(face.Model) || string.IsNullOrEmpty(face.ModelVersion));
        var payload = face.Payload!.Value;
        Assert.Equal("identified", payload.GetProperty("status").GetString());
        Assert.Equal(4, payload.GetProperty("box").EnumerateObject().Count());
        Assert.Equal(5, payload.GetProperty("landmarks").GetArrayLength());
        var best = payload.GetProperty("matches")[0];
        Assert.Equal(ada, best.GetProperty("personId").GetGuid());
        Assert.Equal("Ada", best.GetProperty("name").GetString());
        var similarity = best.GetProperty("similarity").GetSingle();
        Assert.True(similarity >= DefaultThreshold, $"similarity {similarity}");
        Assert.Equal(similarity, face.Confidence);

        var children = Recognized(group);
        Assert.True(children.Count >= 2, $"{children.Count} face(s) in the group photo");
        Assert.All(children, child =>
        {
            Assert.Contains(child.Label, new[] { "unknown", "unusable" });
            Assert.Equal(0, child.Payload!.Value.GetProperty("matches").GetArrayLength());
        });

        var notAlices = Assert.Single(Recognized(bobsCopy));
        Assert.Equal("unknown", notAlices.Label);
        Assert.Equal(0, notAlices.Payload!.Value.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task A_new_active_embedding_model_re_embeds_the_enrolled_faces_and_faces_of_the_old_model_are_never_compared()
    {
        const string embedder = "mobilefacenet";
        var alice = await TestUsers.CreateAsync(fixture.Api.Http, "reembed-alice");
        var ada = await EnrolAsync(alice, "Ada", SharedImages.Bytes(Woman));
        var legacy = await CreatePersonAsync(alice, "Legacy");
        var copy = FaceEdits.Jpeg(Woman, "mirrored-0.8x");
        await using var backends = await TopologyBackends.ConnectAsync(fixture);
        // A face enrolled before faces kept their aligned crop: the same embedding as Ada's, but nothing to re-embed it from.
        await using (var insert = backends.Database.CreateCommand("""
            INSERT INTO person_faces (id, person_id, image_id, box, landmarks, embedding, model_id, model_version)
            SELECT gen_random_uuid(), @legacy, image_id, box, landmarks, embedding, model_id, model_version FROM person_faces WHERE person_id = @ada
            """))
        {
            insert.Parameters.AddWithValue("legacy", legacy);
            insert.Parameters.AddWithValue("ada", ada);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        var before = await RecognizeAsync(alice, copy);
        var original = before.GetProperty("embedder").GetProperty("version").GetString()!;
        Assert.Equal(new[] { ada, legacy }.Order(), MatchedPeople(before).Order());

        // A second registry version of the same file, as a deployment that re-registers the model would make.
        var next = $"v2-{Guid.NewGuid():N}"[..16];
        await using (var register = backends.Database.CreateCommand("""
            INSERT INTO model_versions (model_id, version, task, sha256, source, source_url, size_bytes)
            SELECT model_id, @next, task, sha256, source, source_url, size_bytes FROM model_versions WHERE model_id = @id AND version = @version
            """))
        {
            register.Parameters.AddWithValue("next", next);
            register.Parameters.AddWithValue("id", embedder);
            register.Parameters.AddWithValue("version", original);
            Assert.Equal(1, await register.ExecuteNonQueryAsync());
        }
        try
        {
            await ActivateAsync(embedder, next);
            await WaitUntilAsync(async () => (await FacesOfAsync(ada)).All(v => v == next));

            var after = await RecognizeAsync(alice, copy);
            Assert.Equal(next, after.GetProperty("embedder").GetProperty("version").GetString());
            var best = after.GetProperty("faces")[0].GetProperty("matches")[0];
            Assert.Equal(ada, best.GetProperty("personId").GetGuid());
            Assert.True(best.GetProperty("similarity").GetSingle() >= DefaultThreshold, best.ToString());
            Assert.Equal([ada], MatchedPeople(after));
            Assert.Equal([original], await FacesOfAsync(legacy));
        }
        finally
        {
            await ActivateAsync(embedder, original);
        }
    }

    private static IEnumerable<Guid> MatchedPeople(JsonElement recognized) =>
        recognized.GetProperty("faces").EnumerateArray().SelectMany(f => f.GetProperty("matches").EnumerateArray())
            .Select(m => m.GetProperty("personId").GetGuid());

    private async Task<JsonElement> RecognizeAsync(Guid user, byte[] photo)
    {
        using var client = await TestUsers.ClientOfAsync(fixture, user);
        using var response = await client.PostAsync("/api/v1/recognize", Multipart(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"recognize answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>The embedding model version of each of the person's faces (as the admin sees them).</summary>
    private async Task<List<string>> FacesOfAsync(Guid person)
    {
        var faces = await fixture.Api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/faces", Json.Options);
        return [.. faces.EnumerateArray().Select(f => f.GetProperty("model").GetProperty("version").GetString()!)];
    }

    private async Task ActivateAsync(string model, string version)
    {
        using var response = await fixture.Api.Http.PostAsync($"/api/v1/models/{model}/versions/{version}/activate", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"activation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ProcessingTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not done within {ProcessingTimeout}");
            await Task.Delay(500);
        }
    }

    private static List<Prediction> Recognized(ImageView image)
    {
        Assert.True(image.Status == "completed", $"{image.Id}: {image.Status} {image.Error}");
        var recognize = image.Results.Single(r => r.Task == ImageTasks.Recognize).Predictions;
        Assert.All(recognize, p => Assert.Equal("face-recognition", p.Task));
        return recognize;
    }

    private async Task<Guid> CreatePersonAsync(Guid user, string name)
    {
        using var client = await TestUsers.ClientOfAsync(fixture, user);
        using var created = await client.PostAsJsonAsync("/api/v1/people", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Json.Options)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> EnrolAsync(Guid user, string name, byte[] photo)
    {
        var id = await CreatePersonAsync(user, name);
        using var client = await TestUsers.ClientOfAsync(fixture, user);
        using var enrolled = await client.PostAsync($"/api/v1/people/{id}/faces", Multipart(photo));
        Assert.True(enrolled.StatusCode == HttpStatusCode.Created, $"enrolment answered {(int)enrolled.StatusCode}: {await enrolled.Content.ReadAsStringAsync()}");
        return id;
    }

    /// <summary>Uploads as <paramref name="user"/> (a fresh key: the small test rate limit never answers) and waits as the admin.</summary>
    private async Task<ImageView> UploadAndWaitAsync(Guid user, byte[] photo)
    {
        using var client = await TestUsers.ClientOfAsync(fixture, user);
        using var response = await client.PostAsync("/api/v1/images", Multipart(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        var upload = JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
        return await fixture.Api.WaitForTerminalAsync(upload.Images.Single().Id, ProcessingTimeout);
    }

    private static MultipartFormDataContent Multipart(byte[] photo)
    {
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { part, "file", "photo.jpg" } };
    }
}
