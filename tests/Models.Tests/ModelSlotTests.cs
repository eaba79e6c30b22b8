using VisionAspire.Models.Registry;

namespace VisionAspire.Models.Tests;

public sealed class ModelSlotTests
{
    [Fact]
    public void A_swap_serves_the_new_instance_and_disposes_the_old_one_only_when_its_last_lease_ends()
    {
        var (first, second) = (new Tracked("v1"), new Tracked("v2"));
        using var slot = new ModelSlot<Tracked>(first);
        var running = slot.Acquire();
        var alsoRunning = slot.Acquire();

        slot.Swap(second);

        using (var next = slot.Acquire())
        {
            Assert.Same(second, next.Model);
        }
        Assert.Same(first, running.Model);
        Assert.False(first.Disposed);
        running.Dispose();
        running.Dispose();  // a second dispose must not release someone else's hold
        Assert.False(first.Disposed);
        alsoRunning.Dispose();
        Assert.Equal(1, first.DisposeCount);
        Assert.False(second.Disposed);
    }

    [Fact]
    public void A_swap_with_no_lease_out_disposes_the_old_instance_at_once()
    {
        var first = new Tracked("v1");
        using var slot = new ModelSlot<Tracked>(first);
        slot.Acquire().Dispose();

        slot.Swap(new Tracked("v2"));

        Assert.Equal(1, first.DisposeCount);
        Assert.Equal("v2", slot.Current.Name);
    }

    [Fact]
    public void Disposing_the_slot_waits_for_open_leases_and_refuses_new_ones()
    {
        var only = new Tracked("v1");
        var slot = new ModelSlot<Tracked>(only);
        var running = slot.Acquire();

        slot.Dispose();

        Assert.False(only.Disposed);
        Assert.Throws<ObjectDisposedException>(() => slot.Acquire());
        Assert.Throws<ObjectDisposedException>(() => slot.Swap(new Tracked("late")));
        running.Dispose();
        Assert.Equal(1, only.DisposeCount);
    }

    [Fact]
    public async Task Under_concurrent_runs_and_swaps_no_run_sees_a_disposed_instance_and_every_replaced_one_is_disposed_once()
    {
        var instances = new List<Tracked> { new("v0") };
        using var slot = new ModelSlot<Tracked>(instances[0]);
        var misuse = 0;
        var runs = 0;
        using var stop = new CancellationTokenSource();

        var runners = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = slot.Acquire();
                if (!lease.Model.TryUse())
                {
                    Interlocked.Increment(ref misuse);
                }
                Interlocked.Increment(ref runs);
            }
        })).ToArray();

        for (var i = 1; i <= 200; i++)
        {
            var next = new Tracked($"v{i}");
            instances.Add(next);
            slot.Swap(next);
            SpinWait.SpinUntil(() => Volatile.Read(ref runs) >= i * 10 || runners.Any(r => r.IsCompleted));
        }
        stop.Cancel();
        await Task.WhenAll(runners);

        Assert.Equal(0, misuse);
        Assert.All(instances[..^1], replaced => Assert.Equal(1, replaced.DisposeCount));
        Assert.Equal(0, instances[^1].DisposeCount);
    }

    private sealed class Tracked(string name) : IDisposable
    {
        private int _disposed;

        public string Name { get; } = name;

        public int DisposeCount => Volatile.Read(ref _disposed);

        public bool Disposed => DisposeCount > 0;

        /// <summary>A run: false when the instance was already disposed (a run on freed native memory).</summary>
        public bool TryUse() => !Disposed;

        public void Dispose() => Interlocked.Increment(ref _disposed);
    }
}
