using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

public sealed class ComputeGateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Never_runs_more_sections_at_once_than_it_has_slots(int slots)
    {
        using var gate = new ComputeGate(slots);
        var inside = 0;
        var most = 0;
        using var start = new ManualResetEventSlim();

        int Work()
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            Thread.SpinWait(200_000);
            Interlocked.Decrement(ref inside);
            return now;
        }

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() => gate.RunAsync(Work, CancellationToken.None))).ToArray();
        await Task.WhenAll(runs);

        Assert.InRange(most, 1, slots);
    }

    [Fact]
    public async Task A_failing_section_gives_its_slot_back()
    {
        using var gate = new ComputeGate(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(7, await gate.RunAsync(() => 7, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Waiting_for_a_slot_can_be_cancelled_without_running_the_work()
    {
        using var gate = new ComputeGate(1);
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => gate.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None));
        while (!holder.IsCompleted && !await IsHeldAsync(gate))
        {
        }

        using var cancel = new CancellationTokenSource();
        var ran = false;
        var waiting = gate.RunAsync(() => ran = true, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        await holder;
        Assert.False(ran);
    }

    [Fact]
    public void Refuses_zero_slots() => Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeGate(0));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public void Configured_slots_are_used_as_given(int configured, int expected) =>
        Assert.Equal(expected, new ComputeOptions { Slots = configured }.EffectiveSlots);

    [Fact]
    public void Unset_slots_leave_cores_for_the_other_services_but_never_fewer_than_one() =>
        Assert.InRange(new ComputeOptions().EffectiveSlots, 1, Math.Max(1, Environment.ProcessorCount - 1));

    private static async Task<bool> IsHeldAsync(ComputeGate gate)
    {
        using var probe = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        try
        {
            await gate.RunAsync(() => 0, probe.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
