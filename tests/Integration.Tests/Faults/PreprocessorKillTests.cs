using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>The Preprocessor (a single replica) killed with SIGKILL under load: the AppHost starts it again and its unacked uploads are redelivered.</summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class PreprocessorKillTests(FaultSuiteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_preprocessor_under_load_loses_no_image()
    {
        var processes = fixture.Host.Processes;
        var outcome = await FaultScenario.RunAsync(fixture, output, "preprocessor kill -9", async _ =>
        {
            var before = processes.ProcessIds("preprocessor").Single();
            Assert.True(processes.KillInstance("preprocessor"), "no preprocessor to kill");
            await processes.WaitForRunningAsync(processes.Instances("preprocessor").Single(), notPid: before, TimeSpan.FromMinutes(2));
        });

        Assert.All(outcome.Answered, a => Assert.True(a.Accepted, $"upload answered {a.Status}: {a.Failure}"));
        Assert.Equal(outcome.Settlement.Rows.Count, outcome.Settlement.Completed);
    }
}
