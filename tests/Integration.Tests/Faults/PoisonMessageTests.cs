using System.Net;
using System.Net.Http.Json;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// An image whose inference kills the worker process every time: its message is dead-lettered after the delivery
/// limit and the image fails with the reason, while the images uploaded with it complete; operators see the dead
/// letter through the dead-letter endpoints.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PoisonMessageTests(FaultsFixture fixture)
{
    [Fact]
    public async Task A_poison_image_ends_failed_with_the_crash_count_while_the_others_complete_and_operators_see_its_dead_letter()
    {
        var sources = TestPaths.AllImages();
        var others = Enumerable.Range(0, 8)
            .Select(i => (Name: $"other-{i}.jpg", Data: UniqueImages.WithTag(File.ReadAllBytes(sources[i % sources.Count]), $"other-{i}-{Guid.NewGuid()}")))
            .ToArray();

        var upload = await fixture.Api.UploadAsync([fixture.Poison, .. others]);
        var poisonId = upload.Images[0].Id;
        var results = await fixture.Api.WaitForTerminalAsync(upload.Images.Select(i => i.Id), TimeSpan.FromMinutes(5));

        // Once in the work queue, then the delivery limit + 1 times in quarantine.
        var poison = results.Single(r => r.Id == poisonId);
        Assert.Equal(("failed", $"crashed the worker {FaultsFixture.DeliveryLimit + 2} times"), (poison.Status, poison.Error));
        // Quarantine holds one suspect per process: nothing else was counted at the poison's crashes.
        Assert.All(results.Where(r => r.Id != poisonId), r => Assert.True(r.Status == "completed", $"{r.Id}: {r.Status} {r.Error}"));

        var page = await fixture.Api.Http.GetFromJsonAsync<DeadLetterPage>("/api/v1/dead-letters?status=pending", Json.Options);
        var letter = Assert.Single(page!.Items, l => l.ImageId == poisonId);
        Assert.StartsWith("vision.infer.", letter.Queue);
        Assert.Equal((poison.Error, FaultsFixture.DeliveryLimit + 2), (letter.Reason, letter.Attempts));

        using (var discarded = await fixture.Api.Http.PostAsync($"/api/v1/dead-letters/{letter.Id}/discard", null))
        {
            Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
            Assert.Equal("discarded", (await discarded.Content.ReadFromJsonAsync<DeadLetterView>(Json.Options))!.Status);
        }

        await AssertProblemAsync($"/api/v1/dead-letters/{letter.Id}/retry", HttpStatusCode.Conflict);
        await AssertProblemAsync($"/api/v1/dead-letters/{Guid.NewGuid()}/discard", HttpStatusCode.NotFound);
        using var invalid = await fixture.Api.Http.GetAsync("/api/v1/dead-letters?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private async Task AssertProblemAsync(string path, HttpStatusCode expected)
    {
        using var response = await fixture.Api.Http.PostAsync(path, null);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record DeadLetterView(Guid Id, string Queue, Guid? ImageId, string Reason, int Attempts, string Status);

    private sealed record DeadLetterPage(long Total, List<DeadLetterView> Items);
}
