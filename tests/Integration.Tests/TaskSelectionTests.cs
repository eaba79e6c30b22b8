using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>Uploads that choose their tasks (POST /api/v1/images?tasks=...), followed through the real topology.</summary>
[Collection(AppHostCollection.Name)]
public sealed class TaskSelectionTests(PipelineFixture fixture)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The plate of car_plate_bmw.jpg, [843,862]-[1225,953] (shared/images/README.md); the photo has no face.</summary>
    private static readonly (int X, int Y, int W, int H) Plate = (843, 862, 1225 - 843, 953 - 862);

    private const int Window = 128;

    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task Objects_and_blur_on_a_car_photo_find_the_car_and_store_a_copy_whose_plate_alone_is_blurred()
    {
        var original = Tagged("car_plate_bmw.jpg", "objects-blur");

        var image = await UploadAndWaitAsync("?tasks=objects,blur", [], original);

        Assert.True(image.Status == "completed", $"{image.Status}: {image.Error}");
        Assert.Equal([ImageTasks.Objects, ImageTasks.Blur], image.Tasks);
        Assert.Contains(image.Predictions, p => p.Task == "object-detection" && p.Label == "car");
        Assert.DoesNotContain(image.Predictions, p => p.Task is "classification" or "cifar10" or "face-embedding");
        Assert.All(image.Predictions, p => Assert.False(string.IsNullOrEmpty(p.Model) || string.IsNullOrEmpty(p.ModelVersion), p.Task));
        var blur = image.Results.Single(r => r.Task == ImageTasks.Blur);
        Assert.Contains(blur.Predictions, p => p.Task == "blurred-region" && p.Label == "plates");
        Assert.Null(image.Results.Single(r => r.Task == ImageTasks.Objects).Processed);
        Assert.Equal($"/api/v1/images/{image.Id}/processed/blur", blur.Processed);
        Assert.Equal(blur.Processed, Assert.Single(image.Links.Processed!).Value);

        using var response = await Api.Http.GetAsync(blur.Processed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var before = Decode(original);
        var after = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));

        var (x, y, w, h) = Plate;
        var sharp = Sharpness.LaplacianVariance(before, x, y, w, h);
        var hidden = Sharpness.LaplacianVariance(after, x, y, w, h);
        Assert.True(hidden <= sharp * 0.1, $"the plate kept Laplacian variance {hidden:0.0} of {sharp:0.0}");

        // Away from the plate only the JPEG re-encode changes the pixels.
        var (left, top) = MostDetailedWindowAwayFrom(before, Plate);
        var detail = Sharpness.LaplacianVariance(before, left, top, Window, Window);
        var kept = Sharpness.LaplacianVariance(after, left, top, Window, Window);
        var difference = MeanAbsoluteDifference(before, after, left, top, Window, Window);
        Assert.True(kept >= detail * 0.8 && difference < 4,
            $"window {left},{top}: Laplacian variance {kept:0.0} against {detail:0.0}, mean difference {difference:0.00}");
    }

    [Fact]
    public async Task Ocr_and_blur_together_give_both_results_and_a_downloadable_copy_with_the_plate_blurred()
    {
        var original = Tagged("car_plate_bmw.jpg", "ocr-blur");

        var image = await UploadAndWaitAsync("?tasks=ocr,blur", [], original);

        Assert.True(image.Status == "completed", $"{image.Status}: {image.Error}");
        Assert.Equal([ImageTasks.Ocr, ImageTasks.Blur], image.Tasks);
        Assert.Equal([ImageTasks.Blur, ImageTasks.Ocr], image.Results.Select(r => r.Task).Order(StringComparer.Ordinal));
        var ocr = image.Results.Single(r => r.Task == ImageTasks.Ocr);
        Assert.NotEmpty(ocr.Predictions);
        Assert.All(ocr.Predictions, p => Assert.True(p.Task == "text-line" && !string.IsNullOrWhiteSpace(p.Label), $"{p.Task} '{p.Label}'"));
        Assert.Null(ocr.Processed);
        var blur = image.Results.Single(r => r.Task == ImageTasks.Blur);
        Assert.Contains(blur.Predictions, p => p.Task == "blurred-region" && p.Label == "plates");

        using var response = await Api.Http.GetAsync(blur.Processed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = Decode(original);
        var after = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        var (x, y, w, h) = Plate;
        var sharp = Sharpness.LaplacianVariance(before, x, y, w, h);
        var hidden = Sharpness.LaplacianVariance(after, x, y, w, h);
        Assert.True(hidden <= sharp * 0.1, $"the plate kept Laplacian variance {hidden:0.0} of {sharp:0.0}");
    }

    [Fact]
    public async Task Ocr_chosen_in_a_form_field_reads_the_printed_page_and_produces_no_image()
    {
        var page = Tagged("ocr_testocr.png", "ocr");

        var image = await UploadAndWaitAsync("", [(UploadTasksField, "ocr")], page);

        Assert.True(image.Status == "completed", $"{image.Status}: {image.Error}");
        Assert.Equal([ImageTasks.Ocr], image.Tasks);
        var ocr = Assert.Single(image.Results);
        Assert.Equal(ImageTasks.Ocr, ocr.Task);
        Assert.All(ocr.Predictions, p => Assert.Equal("text-line", p.Task));
        var text = string.Join('\n', ocr.Predictions.Select(p => p.Label));
        var accuracy = OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, text);
        Assert.True(accuracy >= 0.99, $"character accuracy {accuracy:0.000}: {text}");
        Assert.Empty(image.Links.Processed!);

        using var none = await Api.Http.GetAsync($"/api/v1/images/{image.Id}/processed/blur");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        using var unknown = await Api.Http.GetAsync($"/api/v1/images/{Guid.NewGuid()}/processed/blur");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("?tasks=objects,teleport", "", "teleport")]
    [InlineData("", "Faces,x-ray", "x-ray")]
    [InlineData("?tasks=", "", "names no task")]
    public async Task An_unknown_or_empty_task_list_is_refused_naming_the_valid_tasks(string query, string field, string named)
    {
        var before = await CountImagesAsync();

        using var response = await PostAsync(query, field.Length > 0 ? [(UploadTasksField, field)] : [],
            Tagged("zebra_coco1818.jpg", $"bad-task-{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(Json.Options))!;
        Assert.Contains(named, problem.Detail);
        Assert.All(ImageTasks.All, task => Assert.Contains(task, problem.Detail));
        Assert.Equal(before, await CountImagesAsync());
    }

    [Fact]
    public async Task Without_tasks_face_images_run_faces_and_recognize_and_other_images_classify_and_objects()
    {
        var upload = await Api.UploadAsync(
            ("face.jpg", Tagged("face_single_woman_laptop.jpg", "defaults")), ("zebra.jpg", Tagged("zebra_coco1818.jpg", "defaults")));
        Assert.All(upload.Images, i => Assert.Null(i.Tasks));

        var results = await Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), ProcessingTimeout);

        var (face, zebra) = (results[0], results[1]);
        Assert.All(results, r => Assert.True(r.Status == "completed", $"{r.Id}: {r.Status} {r.Error}"));
        Assert.Equal([ImageTasks.Faces, ImageTasks.Recognize], face.Tasks);
        Assert.Equal([ImageTasks.Faces, ImageTasks.Recognize], face.Results.Select(r => r.Task));
        var faces = face.Results.Single(r => r.Task == ImageTasks.Faces);
        Assert.Equal(1, faces.Predictions.Count(p => p.Task == "face-detection"));
        Assert.Equal(1, faces.Predictions.Count(p => p.Task == "face-embedding"));
        Assert.Single(face.Results.Single(r => r.Task == ImageTasks.Recognize).Predictions, p => p.Task == "face-recognition");
        Assert.Equal([ImageTasks.Classify, ImageTasks.Objects], zebra.Tasks);
        var classify = zebra.Results.Single(r => r.Task == ImageTasks.Classify).Predictions;
        Assert.Equal(5, classify.Count(p => p.Task == "classification"));
        Assert.Single(classify, p => p.Task == "cifar10");
        Assert.Contains(zebra.Results.Single(r => r.Task == ImageTasks.Objects).Predictions, p => p.Label == "zebra");
        Assert.Equal(2, zebra.Results.Count);
        Assert.All(results, r => Assert.Empty(r.Links.Processed!));
    }

    [Fact]
    public async Task A_redelivered_request_overwrites_the_processed_output_under_the_same_key()
    {
        var image = await UploadAndWaitAsync("?tasks=blur", [], Tagged("faces_group_children.jpg", "redelivered"));
        Assert.True(image.Status == "completed", $"{image.Status}: {image.Error}");
        var regions = image.Results.Single(r => r.Task == ImageTasks.Blur).Predictions;
        Assert.Contains(regions, p => p.Label == "faces");
        await using var backends = await TopologyBackends.ConnectAsync(fixture);
        var outputs = new ProcessedOutputRepository(backends.Database);
        var first = Assert.Single(await outputs.GetForImageAsync(image.Id, CancellationToken.None));
        var stamp = await OutputUpdatedAtAsync(backends, image.Id);
        var day = (await Api.Http.GetFromJsonAsync<ImageCreated>($"/api/v1/images/{image.Id}", Json.Options))!.CreatedAt.UtcDateTime;
        Assert.Equal($"processed/{day:yyyy}/{day:MM}/{day:dd}/{image.Id}/blur.jpg", first.StorageKey);

        // As if a worker had crashed after storing the output and before completing the image: the broker redelivers the request.
        var images = new ImageRepository(backends.Database);
        var row = (await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None))!;
        // The status a crash leaves behind, set directly: the repository never moves a completed image back.
        await using (var rewind = backends.Database.CreateCommand("UPDATE images SET status = 'processing' WHERE id = @id"))
        {
            rewind.Parameters.AddWithValue("id", image.Id);
            Assert.Equal(1, await rewind.ExecuteNonQueryAsync());
        }
        await backends.Publisher.PublishAsync(Queues.InferObject, new InferenceRequestedV1(
            row.Id, row.JobId!.Value, row.Kind!, row.StorageKey, row.Width!.Value, row.Height!.Value, [], "ultraface-rfb-320", "redelivered", 0,
            JobItemIndex: 0, Tasks: [ImageTasks.Blur]));
        await WaitUntilAsync(async () => (await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None))!.Status == ImageStatus.Completed
            && await OutputUpdatedAtAsync(backends, image.Id) > stamp);

        var second = Assert.Single(await outputs.GetForImageAsync(image.Id, CancellationToken.None));
        Assert.Equal(first.StorageKey, second.StorageKey);
        var stored = Directory.GetFiles(Path.Combine(backends.ObjectStorePath, "objects", "processed"), "*", SearchOption.AllDirectories)
            .Where(path => path.Contains(image.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(backends.ObjectStorePath, "objects", first.StorageKey)], stored);
        var again = await Api.WaitForTerminalAsync(image.Id, ProcessingTimeout);
        Assert.Equal(regions.Count, again.Results.Single(r => r.Task == ImageTasks.Blur).Predictions.Count);
        using var content = await Api.Http.GetAsync(again.Links.Processed![ImageTasks.Blur]);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
    }

    private const string UploadTasksField = "tasks";

    private sealed record ImageCreated(DateTimeOffset CreatedAt);

    private async Task<ImageView> UploadAndWaitAsync(string query, (string Name, string Value)[] fields, byte[] data)
    {
        using var response = await PostAsync(query, fields, data);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        var upload = System.Text.Json.JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
        return await Api.WaitForTerminalAsync(upload.Images.Single().Id, ProcessingTimeout);
    }

    private Task<HttpResponseMessage> PostAsync(string query, (string Name, string Value)[] fields, byte[] data)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", "upload");
        return Api.Http.PostAsync($"/api/v1/images{query}", form);
    }

    private async Task<long> CountImagesAsync() =>
        (await Api.Http.GetFromJsonAsync<ImagePage>("/api/v1/images?limit=1", Json.Options))!.Total;

    private static byte[] Tagged(string name, string tag) =>
        UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image(name)), $"{tag}-{Guid.NewGuid()}");

    private static async Task<DateTime> OutputUpdatedAtAsync(TopologyBackends backends, Guid imageId)
    {
        await using var command = backends.Database.CreateCommand("SELECT updated_at FROM processed_outputs WHERE image_id = @id");
        command.Parameters.AddWithValue("id", imageId);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ProcessingTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not done within {ProcessingTimeout}");
            await Task.Delay(250);
        }
    }

    private static PixelBuffer Decode(byte[] data)
    {
        using var image = VipsImage.Load(data);
        return image.ToPixels();
    }

    private static double MeanAbsoluteDifference(PixelBuffer a, PixelBuffer b, int left, int top, int width, int height)
    {
        long sum = 0;
        for (var y = top; y < top + height; y++)
        {
            for (var i = (y * a.Stride) + (left * a.Bands); i < (y * a.Stride) + ((left + width) * a.Bands); i++)
            {
                sum += Math.Abs(a.Data[i] - b.Data[i]);
            }
        }

        return (double)sum / (width * height * a.Bands);
    }

    /// <summary>The most detailed window at least a plate's height away from <paramref name="region"/> (its blur is widened).</summary>
    private static (int Left, int Top) MostDetailedWindowAwayFrom(PixelBuffer image, (int X, int Y, int W, int H) region)
    {
        var gap = region.H;
        var candidates =
            from top in Enumerable.Range(0, (image.Height - Window) / (Window / 2)).Select(i => i * (Window / 2))
            from left in Enumerable.Range(0, (image.Width - Window) / (Window / 2)).Select(i => i * (Window / 2))
            where left + Window + gap <= region.X || region.X + region.W + gap <= left || top + Window + gap <= region.Y || region.Y + region.H + gap <= top
            select (Left: left, Top: top);
        return candidates.MaxBy(c => Sharpness.LaplacianVariance(image, c.Left, c.Top, Window, Window));
    }
}
