using VisionAspire.TestSupport;

namespace VisionAspire.E2E;

/// <summary>
/// N uploads cycling through the shared images. Each copy gets a distinct JPEG COM segment / PNG tEXt chunk
/// (pixels untouched), so the Api's sha256 deduplication does not turn repeats into no-ops.
/// </summary>
public static class Workload
{
    public static IReadOnlyList<(string Name, byte[] Data)> Build(string imagesDirectory, int count)
    {
        var sources = Directory.GetFiles(imagesDirectory)
            .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
            .Order()
            .Select(f => (Name: Path.GetFileName(f), Data: File.ReadAllBytes(f)))
            .ToList();
        var run = Guid.NewGuid().ToString("N");
        return Enumerable.Range(0, count)
            .Select(i => sources[i % sources.Count])
            .Select((s, i) => (s.Name, UniqueImages.WithTag(s.Data, $"bench-{run}-{i}")))
            .ToList();
    }
}
