using System.Diagnostics;
using Xunit.Abstractions;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>What one fault did to a load: every upload attempt, where the images ended, how long the fault lasted.</summary>
public sealed record FaultOutcome(IReadOnlyList<UploadAttempt> Attempts, Settlement Settlement, TimeSpan FaultDuration, DateTime FaultStartedAt, DateTime FaultEndedAt)
{
    public IReadOnlyList<UploadAttempt> Answered => UploadLoad.Answered(Attempts);
}

/// <summary>
/// The suite's common run: 100 uploads start; once <see cref="AcceptedBeforeFault"/> are in (the pipeline is busy and
/// more are on their way), the fault is injected and healed; the load finishes; every row of the load's bytes must
/// then settle within <see cref="Settlement.Bound"/>, each accepted image completed or failed with a reason, with no
/// duplicate predictions. The counts and times go to the test output.
/// </summary>
public static class FaultScenario
{
    public const int AcceptedBeforeFault = 30;

    /// <param name="injectAndHeal">Causes the fault and returns once the faulty part runs (and is healthy) again.</param>
    public static async Task<FaultOutcome> RunAsync(
        FaultSuiteFixture fixture, ITestOutputHelper output, string fault, Func<UploadLoad, Task> injectAndHeal)
    {
        var load = UploadLoad.Start(fixture.Api, fault.Replace(' ', '-'));
        await load.WaitForAcceptedAsync(AcceptedBeforeFault, TimeSpan.FromMinutes(3));

        var startedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await injectAndHeal(load);
        var faultDuration = clock.Elapsed;
        var endedAt = DateTime.UtcNow;

        var attempts = await load.FinishAsync();
        var settlement = await Settlement.WaitAsync(fixture.Ledger, load.Sha256s, Settlement.Bound);
        output.WriteLine(settlement.Describe(fault, attempts, faultDuration));
        settlement.AssertEveryAcceptedImageSettled(attempts);
        return new FaultOutcome(attempts, settlement, faultDuration, startedAt, endedAt);
    }
}
