using System.Net.Http.Json;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>Uploads through the Api of the real topology and follows images to their final state.</summary>
[Collection(AppHostCollection.Name)]
public sealed class PipelineTests(PipelineFixture fixture)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task Every_shared_image_completes_with_the_expected_kind_and_predictions()
    {
        var files = TestPaths.AllImages().Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToArray();
        Assert.Equal(16, files.Length);

        var upload = await Api.UploadAsync(files);
        var results = await Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), ProcessingTimeout);

        for (var i = 0; i < files.Length; i++)
        {
            var (name, _) = files[i];
            var image = results[i];
            var expected = SharedImageExpectations.For(name);
            Assert.True(image.Status == "completed", $"{name}: {image.Status} {image.Error}");
            Assert.True(expected.Kind == image.Kind, $"{name}: kind {image.Kind}, expected {expected.Kind}");
            Assert.True(image.Width > 0 && image.Height > 0, name);
            Assert.All(image.Predictions, p => Assert.False(string.IsNullOrEmpty(p.ModelVersion), name));
            if (image.Kind == "face")
            {
                Assert.True(expected.Faces == image.Faces, $"{name}: {image.Faces} faces, expected {expected.Faces}");
                Assert.Equal(image.Faces, image.Predictions.Count(p => p.Task == "face-embedding"));
            }
            else
            {
                var top = image.Predictions.Where(p => p.Task == "classification").ToList();
                Assert.Equal(5, top.Count);
                Assert.Single(image.Predictions, p => p.Task == "cifar10");
                if (expected.TopLabel is { } label)
                {
                    var best = top.MaxBy(p => p.Confidence)!;
                    Assert.True(best.Label!.StartsWith(label, StringComparison.Ordinal), $"{name}: top-1 '{best.Label}', expected '{label}'");
                }

                if (expected.Cifar10 is { } cifar)
                {
                    Assert.True(cifar == image.Predictions.Single(p => p.Task == "cifar10").Label, $"{name}: CIFAR-10 label");
                }

                if (expected.Object is { } coco)
                {
                    Assert.Contains(image.Predictions, p => p.Task == "object-detection" && p.Label == coco);
                }
            }
        }

        var job = await Api.Http.GetFromJsonAsync<JobView>($"/api/v1/jobs/{upload.JobId}", Json.Options);
        Assert.Equal("completed", job!.Status);
        Assert.Equal(new JobProgress(16, 16, 0, 1), job.Progress);
    }

    [Fact]
    public async Task A_batch_of_ten_in_one_request_all_complete_and_content_round_trips()
    {
        var sources = TestPaths.AllImages().Where(p => p.EndsWith(".jpg")).Take(10).ToList();
        var files = sources.Select(p => (Path.GetFileName(p), UniqueImages.WithTag(File.ReadAllBytes(p), $"batch10-{Guid.NewGuid()}"))).ToArray();

        using var response = await Api.PostFilesAsync(files);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var upload = (await response.Content.ReadFromJsonAsync<UploadResult>(Json.Options))!;
        Assert.Equal(10, upload.Images.Count);
        Assert.Equal(10, upload.Images.Select(i => i.Id).Distinct().Count());
        Assert.Equal($"/api/v1/images/{upload.Images[0].Id}", response.Headers.Location!.OriginalString);
        Assert.All(upload.Images, i => Assert.Equal($"/api/v1/jobs/{upload.JobId}", i.Links.Job));

        var results = await Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), ProcessingTimeout);
        Assert.All(results, r => Assert.Equal("completed", r.Status));

        using var content = await Api.Http.GetAsync(upload.Images[3].Links.Content);
        Assert.Equal("image/jpeg", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(files[3].Item2, await content.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_return_the_same_image_and_no_second_row()
    {
        var bytes = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("zebra_coco1818.jpg")), $"dedupe-{Guid.NewGuid()}");
        var first = await Api.UploadAsync(("a.jpg", bytes));
        var before = await CountImagesAsync();

        var second = await Api.UploadAsync(("b.jpg", bytes));

        Assert.False(first.Images[0].Duplicate);
        Assert.True(second.Images[0].Duplicate);
        Assert.Equal(first.Images[0].Id, second.Images[0].Id);
        Assert.Equal(before, await CountImagesAsync());
        var done = await Api.WaitForTerminalAsync(first.Images[0].Id, ProcessingTimeout);
        Assert.Equal("completed", done.Status);
        var job = await Api.Http.GetFromJsonAsync<JobView>($"/api/v1/jobs/{second.JobId}", Json.Options);
        Assert.Equal("completed", job!.Status);
    }

    [Fact]
    public async Task A_jpeg_cut_inside_its_scan_data_is_accepted_then_fails_with_a_reason()
    {
        var jpeg = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("bus.jpg")), $"cut-{Guid.NewGuid()}");
        var upload = await Api.UploadAsync(("cut.jpg", CraftedImages.Truncated(jpeg, jpeg.Length / 2)));

        var image = await Api.WaitForTerminalAsync(upload.Images[0].Id, ProcessingTimeout);

        Assert.Equal("failed", image.Status);
        Assert.False(string.IsNullOrWhiteSpace(image.Error));
        var job = await Api.Http.GetFromJsonAsync<JobView>($"/api/v1/jobs/{upload.JobId}", Json.Options);
        Assert.Equal(new JobProgress(1, 0, 1, 1), job!.Progress);
    }

    private async Task<long> CountImagesAsync() =>
        (await Api.Http.GetFromJsonAsync<ImagePage>("/api/v1/images?limit=1", Json.Options))!.Total;
}
