using System.Text.RegularExpressions;

namespace VisionAspire.Models.Tests;

/// <summary>RSS is process-wide, so these run alone (after the parallel collections), not beside other tests.</summary>
[CollectionDefinition(nameof(ResourceTests), DisableParallelization = true)]
public sealed class ResourceTestsCollection;

[Collection(nameof(ResourceTests))]
public sealed partial class ResourceTests
{
    private static readonly ModelStore Store = ModelStore.CreateDefault();

    [Fact]
    public void Thousand_buffer_create_run_dispose_cycles_keep_rss_flat()
    {
        using var session = Store.Open("mobilefacenet");
        void Cycles(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var buffers = RunBuffers.ForFixedShapes(session, "output0");
                var input = buffers.Input<float>();
                input.Clear();
                input[i % input.Length] = 1;
                buffers.Run();
                Assert.Equal(128, buffers.Output<float>(0).Length);
            }
        }

        Cycles(100); // warm-up: arenas, JIT, thread-local caches
        var before = ResidentMegabytes();
        Cycles(1000);
        var after = ResidentMegabytes();

        // An undisposed input OrtValue keeps its 150 KB array pinned and alive (1,000 leaks = 147 MB), far above the
        // bound. A leaked output (0.5 KB per cycle) is too small for this test to see.
        Assert.True(after - before < 40, $"RSS grew from {before} MB to {after} MB");
    }

    [Fact]
    public void Opening_and_disposing_sessions_repeatedly_keeps_rss_flat()
    {
        void Cycles(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var session = Store.Open("yunet-2023mar");
                Assert.Equal("input", session.InputNames[0]);
            }
        }

        Cycles(10);
        var before = ResidentMegabytes();
        Cycles(100);
        var after = ResidentMegabytes();

        Assert.True(after - before < 40, $"RSS grew from {before} MB to {after} MB");
    }

    private static long ResidentMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var status = File.ReadAllText("/proc/self/status");
        return long.Parse(VmRss().Match(status).Groups[1].Value) / 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
