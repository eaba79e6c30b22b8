using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>
/// A worker replica and the Preprocessor dying mid-run lose nothing: unacked messages are redelivered, and the AppHost
/// starts the crashed services again (Aspire alone would leave them Exited; the Preprocessor has no second replica).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class ResilienceTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Killing_a_worker_replica_and_the_preprocessor_mid_run_loses_no_image_and_both_come_back()
    {
        var sources = TestPaths.AllImages();
        var files = Enumerable.Range(0, 40)
            .Select(i => (Name: $"kill-{i}.jpg", Data: UniqueImages.WithTag(File.ReadAllBytes(sources[i % sources.Count]), $"kill-{i}-{Guid.NewGuid()}")))
            .ToArray();
        var pidsBefore = fixture.Host.Processes.ProcessIds("workers");
        Assert.Equal(2, pidsBefore.Count);

        var upload = await fixture.Api.UploadAsync(files);
        await WaitUntilWorkersTakeWorkAsync(upload.Images.Select(i => i.Id).ToList());
        var processes = fixture.Host.Processes;
        var preprocessorBefore = processes.ProcessIds("preprocessor").Single();
        Assert.True(processes.KillInstance("workers", replica: 0), "no worker replica 0 to kill");
        Assert.True(processes.KillInstance("preprocessor"), "no preprocessor to kill");

        var results = await fixture.Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), TimeSpan.FromMinutes(4));

        Assert.All(results, r => Assert.True(r.Status == "completed", $"{r.Id}: {r.Status} {r.Error}"));
        await processes.WaitForRunningAsync(processes.Instances("workers")[0], notPid: pidsBefore[0], TimeSpan.FromMinutes(2));
        await processes.WaitForRunningAsync(processes.Instances("preprocessor").Single(), notPid: preprocessorBefore, TimeSpan.FromMinutes(2));
    }

    private async Task WaitUntilWorkersTakeWorkAsync(IReadOnlyList<Guid> ids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                // An image can pass through 'processing' between two polls of 40 images on a quiet machine:
                // 'completed' also says the workers are taking work, and the other images are still on their way.
                if ((await fixture.Api.GetImageAsync(id)).Status is "processing" or "completed")
                {
                    return;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("no image was seen in processing or completed by the workers within two minutes");
    }
}
