using VisionAspire.TestSupport.Aspire;
using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// Postgres stopped under load and started again. It is the record of every upload, so the Api refuses uploads while
/// it is down with 503 problem details and keeps nothing of them; what it had accepted before completes: the consumers
/// wait a database outage out without spending delivery attempts.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class PostgresRestartTests(FaultSuiteFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// The pauses of the consumers' 5-attempt retry schedule (0.2, 0.4, 0.6, 0.8 s): an outage longer than these plus
    /// the tries themselves used to fail an image whose handler met it.
    /// </summary>
    private static readonly TimeSpan AttemptScheduleDelays = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Uploads_get_503_problem_details_while_Postgres_is_down_none_is_half_stored_and_every_accepted_image_completes()
    {
        var app = fixture.Host.App;
        var duringOutage = UploadLoad.Photos("postgres-outage", 5);
        var outageAttempts = new List<UploadAttempt>();
        var outcome = await FaultScenario.RunAsync(fixture, output, "postgres stop and start", async _ =>
        {
            await app.StopResourceAsync(fixture.Host.Processes, "postgres");
            foreach (var file in duringOutage)
            {
                outageAttempts.Add(await UploadLoad.SendOneAsync(fixture.Api, file));
            }
            await app.StartResourceAsync(fixture.Host.Processes, "postgres");
        });

        output.WriteLine($"during the outage: {UploadLoad.Summary(outageAttempts)}, slowest {outageAttempts.Max(a => a.Took).TotalSeconds:0.0} s");
        Assert.All(outageAttempts, a =>
        {
            Assert.True(a.Status == 503 && a.ProblemDetails, $"upload during the outage answered {a.Status}: {a.Failure}");
            Assert.True(a.Took < TimeSpan.FromSeconds(30), $"an upload during the outage took {a.Took}");
        });
        // The load's own uploads met the outage at any point of their way: each is accepted or refused with 503.
        var refused = outcome.Answered.Where(a => !a.Accepted).ToList();
        Assert.All(refused, a => Assert.True(a.Status == 503 && a.ProblemDetails, $"upload answered {a.Status}: {a.Failure}"));

        Assert.True(outcome.FaultDuration > 2 * AttemptScheduleDelays,
            $"the outage lasted {outcome.FaultDuration.TotalSeconds:0.0} s, too short to have outlasted the attempt schedule");
        Assert.Equal(outcome.Settlement.Rows.Count, outcome.Settlement.Completed);

        var refusedBytes = refused.Select(a => a.Sha256).Concat(duringOutage.Select(f => UploadLoad.Sha256(f.Data))).ToList();
        Assert.Empty(await fixture.Ledger.RowsAsync(refusedBytes));
    }
}
