using VisionAspire.TestSupport.Aspire;
using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// RabbitMQ stopped under load and started again. The Api keeps accepting: an upload's rows in Postgres are its
/// record, and one whose event the broker could not take stays "uploaded" until the Api's sweeper publishes it.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class BrokerRestartTests(FaultSuiteFixture fixture, ITestOutputHelper output)
{
    private const int UploadsDuringOutage = 5;

    [Fact]
    public async Task Uploads_accepted_while_RabbitMQ_is_stopped_are_published_by_the_sweeper_and_complete_when_it_is_back()
    {
        var app = fixture.Host.App;
        var duringOutage = UploadLoad.Photos("broker-outage", UploadsDuringOutage);
        var outageAttempts = new List<UploadAttempt>();
        var outcome = await FaultScenario.RunAsync(fixture, output, "rabbitmq stop and start", async _ =>
        {
            await app.StopResourceAsync(fixture.Host.Processes, "messaging");
            // Sent one after another while the broker is fully down: each must be stored and accepted, not held.
            foreach (var file in duringOutage)
            {
                outageAttempts.Add(await UploadLoad.SendOneAsync(fixture.Api, file));
            }
            await app.StartResourceAsync(fixture.Host.Processes, "messaging");
        });

        output.WriteLine($"during the outage: {UploadLoad.Summary(outageAttempts)}, slowest {outageAttempts.Max(a => a.Took).TotalSeconds:0.0} s");
        Assert.All(outcome.Answered, a => Assert.True(a.Accepted, $"upload answered {a.Status}: {a.Failure}"));
        Assert.All(outageAttempts, a => Assert.True(a.Accepted, $"upload during the outage answered {a.Status}: {a.Failure}"));
        Assert.All(outageAttempts, a => Assert.True(a.Took < TimeSpan.FromSeconds(20), $"an upload during the outage took {a.Took}"));

        var outageRows = await Settlement.WaitAsync(fixture.Ledger, [.. duringOutage.Select(f => UploadLoad.Sha256(f.Data))], Settlement.Bound);
        Assert.All(outageRows.Rows, r => Assert.True(r.Status == "completed", $"{r.Id}: {r.Status} {r.Error}"));
        Assert.Equal(outcome.Settlement.Rows.Count, outcome.Settlement.Completed);
    }
}
