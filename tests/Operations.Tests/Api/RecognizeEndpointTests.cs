using System.Net;
using System.Text.Json.Nodes;
using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>Enrolment and identification with the real models, Api and Postgres, on the shared photos and edited copies.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class RecognizeEndpointTests(OperationsAppFixture fixture) : IAsyncLifetime
{
    private const string Woman = "face_single_woman_laptop.jpg";
    private const string Children = "faces_group_children.jpg";

    private readonly PeopleApiClient _api = new(fixture.Http);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _api.DeleteCreatedAsync();

    [Theory]
    [InlineData("0.8x")]
    [InlineData("cropped")]
    [InlineData("brightened")]
    [InlineData("mirrored")]
    public async Task The_enrolled_woman_is_identified_in_an_edited_copy_and_no_child_is_her(string edit)
    {
        var woman = await _api.CreatePersonAsync($"woman {edit}");
        var face = await _api.EnrolOkAsync(woman, TestImages.Bytes(Woman));
        Assert.Equal("mobilefacenet", face["model"]!["id"]!.GetValue<string>());
        Assert.Equal(5, face["landmarks"]!.AsArray().Count);

        var found = Assert.Single(await _api.RecognizeAsync(FaceEdits.Jpeg(Woman, edit)));
        Assert.Equal("identified", found!["status"]!.GetValue<string>());
        var best = found["matches"]!.AsArray()[0]!;
        Assert.Equal(woman, Guid.Parse(best["personId"]!.GetValue<string>()));
        Assert.Equal($"woman {edit}", best["name"]!.GetValue<string>());
        Assert.True(best["similarity"]!.GetValue<float>() >= 0.5f);

        var children = await _api.RecognizeAsync(TestImages.Bytes(Children));
        Assert.Equal(8, children.Count);
        Assert.All(children, child => Assert.DoesNotContain(woman, PeopleApiClient.MatchedPeople(child!)));
    }

    [Fact]
    public async Task Each_child_enrolled_from_the_group_photo_is_found_again_in_a_smaller_copy()
    {
        var group = await _api.RecognizeAsync(TestImages.Bytes(Children));
        Assert.Equal(8, group.Count);
        var enrolled = new List<(Guid Person, JsonNode Box)>();
        for (var i = 0; i < group.Count; i++)
        {
            var child = await _api.CreatePersonAsync($"child {i}");
            var face = await _api.EnrolOkAsync(child, TestImages.Bytes(Children), $"?face={i}");
            enrolled.Add((child, face["box"]!));
        }

        var smaller = await _api.RecognizeAsync(FaceEdits.Jpeg(Children, "0.7x"));

        Assert.Equal(8, smaller.Count);
        foreach (var (person, box) in enrolled)
        {
            var (x, y) = Centre(box);
            var same = smaller.MinBy(f => Distance(Centre(f!["box"]!), (x * 0.7, y * 0.7)))!;
            Assert.Equal("identified", same["status"]!.GetValue<string>());
            Assert.Equal(person, PeopleApiClient.MatchedPeople(same).First());
        }
    }

    [Fact]
    public async Task A_deleted_person_is_no_longer_identified()
    {
        var woman = await _api.CreatePersonAsync("woman to delete");
        await _api.EnrolOkAsync(woman, TestImages.Bytes(Woman));
        var copy = FaceEdits.Jpeg(Woman, "0.8x");
        Assert.Contains(woman, PeopleApiClient.MatchedPeople((await _api.RecognizeAsync(copy))[0]!));

        using (var deleted = await _api.Http.DeleteAsync($"/api/v1/people/{woman}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.DoesNotContain(woman, PeopleApiClient.MatchedPeople((await _api.RecognizeAsync(copy))[0]!));
    }

    [Fact]
    public async Task A_deleted_face_is_no_longer_identified_and_no_longer_listed()
    {
        var woman = await _api.CreatePersonAsync("woman whose face goes");
        var face = await _api.EnrolOkAsync(woman, TestImages.Bytes(Woman));
        var faceId = face["id"]!.GetValue<string>();
        var listed = JsonNode.Parse(await _api.Http.GetStringAsync($"/api/v1/people/{woman}/faces"))!.AsArray();
        Assert.Equal(faceId, Assert.Single(listed)!["id"]!.GetValue<string>());

        using (var deleted = await _api.Http.DeleteAsync($"/api/v1/people/{woman}/faces/{faceId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty(JsonNode.Parse(await _api.Http.GetStringAsync($"/api/v1/people/{woman}/faces"))!.AsArray());
        Assert.DoesNotContain(woman, PeopleApiClient.MatchedPeople((await _api.RecognizeAsync(FaceEdits.Jpeg(Woman, "0.8x")))[0]!));
    }

    [Fact]
    public async Task A_photo_without_faces_cannot_be_enrolled()
    {
        var person = await _api.CreatePersonAsync("nobody");
        using var response = await _api.EnrolAsync(person, TestImages.Bytes("no_face_bedroom_coco632.jpg"));
        var problem = await PeopleEndpointTests.AssertProblemAsync(response, 422);
        Assert.Empty(problem["faces"]!.AsArray());
    }

    [Fact]
    public async Task A_group_photo_needs_a_chosen_face_and_the_problem_lists_the_faces()
    {
        var person = await _api.CreatePersonAsync("one of the children");
        using var response = await _api.EnrolAsync(person, TestImages.Bytes(Children));
        var problem = await PeopleEndpointTests.AssertProblemAsync(response, 422);
        Assert.Equal(8, problem["faces"]!.AsArray().Count);

        using var beyond = await _api.EnrolAsync(person, TestImages.Bytes(Children), "?face=8");
        await PeopleEndpointTests.AssertProblemAsync(beyond, 422);
    }

    [Fact]
    public async Task Faces_too_small_to_identify_are_unusable_not_unknown()
    {
        // The handshake photo's faces are 60-64 px; at 0.5x they fall under the 40 px minimum.
        using var image = NetVips.Image.NewFromFile(TestImages.Path("faces_two_handshake.jpg"));
        using var small = image.Resize(0.5);

        var faces = await _api.RecognizeAsync(small.JpegsaveBuffer());

        Assert.NotEmpty(faces);
        Assert.All(faces, face =>
        {
            Assert.Equal("unusable", face!["status"]!.GetValue<string>());
            Assert.Equal("too-small", face["unusable"]!.GetValue<string>());
            Assert.Empty(face["matches"]!.AsArray());
        });
    }

    private static (double X, double Y) Centre(JsonNode box) =>
        (box["x"]!.GetValue<float>() + box["width"]!.GetValue<float>() / 2, box["y"]!.GetValue<float>() + box["height"]!.GetValue<float>() / 2);

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
