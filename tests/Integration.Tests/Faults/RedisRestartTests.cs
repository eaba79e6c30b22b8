using VisionAspire.TestSupport.Aspire;
using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>Redis stopped under load and started again: it is only a cache (original bytes, rate-limit buckets), so nothing waits on it.</summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class RedisRestartTests(FaultSuiteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Stopping_Redis_under_load_loses_no_image_and_uploads_keep_being_accepted()
    {
        var app = fixture.Host.App;
        var duringOutage = UploadLoad.Photos("redis-outage", 3);
        var outageAttempts = new List<UploadAttempt>();
        var outcome = await FaultScenario.RunAsync(fixture, output, "redis stop and start", async _ =>
        {
            await app.StopResourceAsync(fixture.Host.Processes, "cache");
            foreach (var file in duringOutage)
            {
                outageAttempts.Add(await UploadLoad.SendOneAsync(fixture.Api, file));
            }
            await app.StartResourceAsync(fixture.Host.Processes, "cache");
        });

        output.WriteLine($"during the outage: {UploadLoad.Summary(outageAttempts)}, slowest {outageAttempts.Max(a => a.Took).TotalSeconds:0.0} s");
        Assert.All(outcome.Answered.Concat(outageAttempts), a => Assert.True(a.Accepted, $"upload answered {a.Status}: {a.Failure}"));
        await Settlement.WaitAsync(fixture.Ledger, [.. duringOutage.Select(f => UploadLoad.Sha256(f.Data))], Settlement.Bound);
        Assert.Equal(outcome.Settlement.Rows.Count, outcome.Settlement.Completed);
    }
}
