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
    public void Thousand_tensor_run_dispose_cycles_keep_rss_flat()
    {
        using var session = Store.Open("mobilefacenet");
        void Cycles(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var input = new Tensor<float>(1, 3, 112, 112);
                input.Data[i % input.Data.Length] = 1;
                var outputs = session.Run(new NamedTensor("input0", input));
                Assert.Equal(128, outputs[0].As<float>().Data.Length);
            }
        }

        Cycles(100); // warm-up: arenas, JIT, thread-local caches
        var before = ResidentMegabytes();
        Cycles(1000);
        var after = ResidentMegabytes();

        // A leaked input OrtValue pins 150 KB per cycle (1,000 leaks = 147 MB), far above the bound. A leaked output
        // (0.5 KB per cycle) is too small for this test to see.
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
                Assert.Equal("input", session.Inputs[0].Name);
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
