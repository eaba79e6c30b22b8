namespace VisionAspire.Models.Tests;

public sealed class BufferPoolTests
{
    [Fact]
    public void An_empty_pool_rents_nothing_and_a_returned_item_comes_back_last_in_first_out()
    {
        var pool = new BufferPool<object>(capacity: 4);
        var (a, b) = (new object(), new object());

        Assert.Null(pool.TryRent());
        pool.Return(a);
        pool.Return(b);

        Assert.Same(b, pool.TryRent());
        Assert.Same(a, pool.TryRent());
        Assert.Null(pool.TryRent());
    }

    [Fact]
    public void Keeps_at_most_its_capacity_of_idle_items()
    {
        var pool = new BufferPool<object>(capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            pool.Return(new object());
        }

        Assert.Equal(2, pool.IdleCount);
    }

    [Fact]
    public void A_lease_makes_an_item_when_none_is_idle_and_gives_it_back_when_disposed()
    {
        var made = 0;
        var pool = new BufferPool<object>(() => { made++; return new object(); }, capacity: 4);

        object first;
        using (var lease = pool.Rent())
        {
            first = lease.Item;
            Assert.Equal(0, pool.IdleCount);
        }

        using var again = pool.Rent();
        Assert.Same(first, again.Item);
        Assert.Equal(1, made);
    }

    [Fact]
    public void Renting_from_a_pool_without_a_factory_needs_try_rent()
    {
        var pool = new BufferPool<object>(capacity: 1);

        Assert.Throws<InvalidOperationException>(() => pool.Rent());
        using (pool.Lend(new object()))
        {
        }
        Assert.Equal(1, pool.IdleCount);
    }

    [Fact]
    public void Disposable_items_are_disposed_when_dropped_beyond_capacity_and_when_the_pool_is_disposed()
    {
        var pool = new BufferPool<Owner>(capacity: 1);
        var (kept, dropped) = (new Owner(), new Owner());

        pool.Return(kept);
        pool.Return(dropped);

        Assert.True(dropped.Disposed);
        Assert.False(kept.Disposed);
        pool.Dispose();
        Assert.True(kept.Disposed);
        Assert.Equal(0, pool.IdleCount);
    }

    [Fact]
    public void Default_capacity_is_twice_the_cores()
    {
        Assert.Equal(Environment.ProcessorCount * 2, new BufferPool<object>().Capacity);
    }

    [Fact]
    public void Concurrent_renters_never_hold_the_same_item()
    {
        const int threads = 4;
        var pool = new BufferPool<Holder>(capacity: threads);
        var overlaps = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 2_000; i++)
            {
                var item = pool.TryRent() ?? new Holder();
                try
                {
                    if (Interlocked.Increment(ref item.Holders) > 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }
                    Thread.Yield(); // widen the window in which a second holder would show
                    Interlocked.Decrement(ref item.Holders);
                }
                finally
                {
                    pool.Return(item);
                }
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Equal(0, overlaps);
        Assert.InRange(pool.IdleCount, 1, threads);
    }

    private sealed class Holder
    {
        public int Holders;
    }

    private sealed class Owner : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
