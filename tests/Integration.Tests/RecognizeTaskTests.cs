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
        using var alices = await TestUsers.ClientOfAsync(fixture, alice);
        using var bobs = await TestUsers.ClientOfAsync(fixture, bob);
        var ada = await EnrolAsync(alices, "Ada", SharedImages.Bytes(Woman));
        var copy = FaceEdits.Jpeg(Woman, "mirrored-0.8x");

        var mirrored = await UploadAndWaitAsync(alices, UniqueImages.WithTag(copy, $"recognize-{Guid.NewGuid()}"));
        var group = await UploadAndWaitAsync(alices, UniqueImages.WithTag(SharedImages.Bytes(Children), $"recognize-{Guid.NewGuid()}"));
        var bobsCopy = await UploadAndWaitAsync(bobs, UniqueImages.WithTag(copy, $"recognize-{Guid.NewGuid()}"));

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

    private static List<Prediction> Recognized(ImageView image)
    {
        Assert.True(image.Status == "completed", $"{image.Id}: {image.Status} {image.Error}");
        var recognize = image.Results.Single(r => r.Task == ImageTasks.Recognize).Predictions;
        Assert.All(recognize, p => Assert.Equal("face-recognition", p.Task));
        return recognize;
    }

    private static async Task<Guid> EnrolAsync(HttpClient client, string name, byte[] photo)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/people", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json.Options)).GetProperty("id").GetGuid();
        using var enrolled = await client.PostAsync($"/api/v1/people/{id}/faces", Multipart(photo));
        Assert.True(enrolled.StatusCode == HttpStatusCode.Created, $"enrolment answered {(int)enrolled.StatusCode}: {await enrolled.Content.ReadAsStringAsync()}");
        return id;
    }

    private static async Task<ImageView> UploadAndWaitAsync(HttpClient client, byte[] photo)
    {
        using var response = await client.PostAsync("/api/v1/images", Multipart(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        var upload = JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
        return await new ApiClient(client).WaitForTerminalAsync(upload.Images.Single().Id, ProcessingTimeout);
    }

    private static MultipartFormDataContent Multipart(byte[] photo)
    {
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { part, "file", "photo.jpg" } };
    }
}
