using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// The Api killed with SIGKILL mid-upload: requests in flight fail in transport and the client sends them again; the
/// AppHost starts the Api again; an upload stored but not yet published when it died is published by the sweeper.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class ApiKillTests(FaultSuiteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_api_mid_upload_loses_no_image_and_a_resent_upload_is_not_stored_twice()
    {
        var processes = fixture.Host.Processes;
        var outcome = await FaultScenario.RunAsync(fixture, output, "api kill -9", async _ =>
        {
            var before = processes.ProcessIds("api").Single();
            Assert.True(processes.KillInstance("api"), "no api to kill");
            await processes.WaitForRunningAsync(processes.Instances("api").Single(), notPid: before, TimeSpan.FromMinutes(2));
        });

        Assert.All(outcome.Answered, a => Assert.True(a.Accepted, $"upload answered {a.Status}: {a.Failure}"));
        // One row per file: a resend after a lost answer found the stored bytes (202, duplicate) instead of a second row.
        var files = outcome.Answered.Select(a => a.Sha256).Distinct().Count();
        Assert.Equal(files, outcome.Settlement.Rows.Count);
        Assert.Equal(files, outcome.Answered.Select(a => a.ImageId).Distinct().Count());
    }
}
