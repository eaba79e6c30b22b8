using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>A worker replica dying mid-run loses nothing: its unacked messages are redelivered to the other.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ResilienceTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Killing_a_worker_replica_while_it_processes_loses_no_image()
    {
        var sources = TestPaths.AllImages();
        var files = Enumerable.Range(0, 40)
            .Select(i => (Name: $"kill-{i}.jpg", Data: UniqueImages.WithTag(File.ReadAllBytes(sources[i % sources.Count]), $"kill-{i}-{Guid.NewGuid()}")))
            .ToArray();
        var pidsBefore = fixture.App.GetResourceProcessIds("workers");
        Assert.Equal(2, pidsBefore.Count);

        var upload = await fixture.Api.UploadAsync(files);
        await WaitUntilAnyIsProcessingAsync(upload.Images.Select(i => i.Id).ToList());
        Assert.True(fixture.App.KillResourceProcess("workers", replica: 0), "no worker replica 0 to kill");

        var results = await fixture.Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), TimeSpan.FromMinutes(4));

        Assert.All(results, r => Assert.True(r.Status == "completed", $"{r.Id}: {r.Status} {r.Error}"));
        Assert.DoesNotContain(pidsBefore[0], fixture.App.GetResourceProcessIds("workers"));
    }

    private async Task WaitUntilAnyIsProcessingAsync(IReadOnlyList<Guid> ids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                if ((await fixture.Api.GetImageAsync(id)).Status == "processing")
                {
                    return;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("no image was seen in processing by the workers within two minutes");
    }
}
