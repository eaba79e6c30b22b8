using NetVips;

namespace VisionAspire.Imaging.Operations.Analysis;

/// <summary>
/// Image measurements for image-info. Every measure runs inside libvips except the dominant colours
/// (a few thousand pixels of a 64 px thumbnail). Values depend on resolution: analyse a bounded thumbnail
/// (e.g. 1024 px) for comparable figures. Thread-safe (stateless).
/// </summary>
public static class ImageAnalyzer
{
    public const int DefaultEdgeThreshold = 64;
    private const int DominantThumbnailSize = 64;
    private const int CompositionThumbnailSize = 256;
    private static readonly string[] ChannelNames = ["red", "green", "blue"];

    public static ImageAnalysisReport Analyze(VipsImage image, int dominantColours = 5)
    {
        using var rgb = image.ToUcharRgb().Then(r => r.InMemory());
        using var grey = rgb.ToGrayscale().Then(g => g.InMemory());
        return new ImageAnalysisReport(
            Histogram(rgb),
            Statistics(rgb, grey),
            BlurScore(grey),
            Entropy(grey),
            EdgeDensity(grey),
            DominantColours(rgb, dominantColours),
            Composition(rgb));
    }

    public static ImageHistogram Histogram(VipsImage image)
    {
        using var rgb = image.ToUcharRgb();
        using var histogram = rgb.Compute(source => source.HistFind());
        var counts = histogram.WriteToArray<uint>(); // 256 bins, bands interleaved
        var channels = new ChannelHistogram[3];
        for (var band = 0; band < 3; band++)
        {
            var bins = new long[256];
            for (var bin = 0; bin < 256; bin++)
            {
                bins[bin] = counts[(bin * 3) + band];
            }

            channels[band] = new ChannelHistogram(ChannelNames[band], bins);
        }

        return new ImageHistogram((long)rgb.Width * rgb.Height, channels);
    }

    public static ImageStatistics Statistics(VipsImage image)
    {
        using var rgb = image.ToUcharRgb();
        using var grey = rgb.ToGrayscale();
        return Statistics(rgb, grey);
    }

    /// <summary>Variance of the 4-neighbour Laplacian of the grey image (higher = sharper).</summary>
    public static double BlurScore(VipsImage image)
    {
        using var grey = Grey(image);
        using var mask = Kernel.Matrix(3, 3, Kernel.Laplacian);
        using var laplacian = grey.Combine(source => source.Conv(mask.Image, Enums.Precision.Float), mask);
        var deviation = Measure.StandardDeviation(laplacian);
        return deviation * deviation;
    }

    /// <summary>Shannon entropy (bits, 0-8) of the grey-level histogram.</summary>
    public static double Entropy(VipsImage image)
    {
        using var grey = Grey(image);
        using var histogram = grey.Compute(source => source.HistFind());
        return histogram.Evaluate(source => source.HistEntropy());
    }

    /// <summary>Fraction of pixels whose Sobel gradient (0-255) exceeds <paramref name="threshold"/>.</summary>
    public static double EdgeDensity(VipsImage image, int threshold = DefaultEdgeThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        using var grey = Grey(image);
        using var edges = grey.Apply(source => source.Sobel())
            .Then(sobel => sobel.Apply(source => source.RelationalConst(Enums.OperationRelational.More, [(double)threshold])));
        return Measure.Mean(edges) / 255.0;
    }

    /// <summary>The most frequent colours on a 4x4x4 RGB grid of a 64 px thumbnail, most frequent first.</summary>
    public static IReadOnlyList<DominantColour> DominantColours(VipsImage image, int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var small = image.Thumbnail(DominantThumbnailSize, DominantThumbnailSize);
        var pixels = small.ToPixels().Data;
        var population = new int[64];
        var sums = new long[64 * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            var cell = ((pixels[i] >> 6) << 4) | ((pixels[i + 1] >> 6) << 2) | (pixels[i + 2] >> 6);
            population[cell]++;
            sums[cell * 3] += pixels[i];
            sums[(cell * 3) + 1] += pixels[i + 1];
            sums[(cell * 3) + 2] += pixels[i + 2];
        }

        var total = pixels.Length / 3.0;
        return Enumerable.Range(0, 64)
            .Where(cell => population[cell] > 0)
            .OrderByDescending(cell => population[cell])
            .Take(count)
            .Select(cell => new DominantColour(
                (byte)(sums[cell * 3] / population[cell]),
                (byte)(sums[(cell * 3) + 1] / population[cell]),
                (byte)(sums[(cell * 3) + 2] / population[cell]),
                population[cell] / total))
            .ToList();
    }

    /// <summary>Saliency centre from libvips' attention model, on a 256 px thumbnail, and its rule-of-thirds fit.</summary>
    public static Composition Composition(VipsImage image)
    {
        using var small = image.Thumbnail(CompositionThumbnailSize, CompositionThumbnailSize);
        var (attentionX, attentionY) = small.Evaluate(source =>
        {
            using var crop = source.Smartcrop(Math.Max(1, small.Width / 2), Math.Max(1, small.Height / 2),
                out var centreX, out var centreY, Enums.Interesting.Attention);
            return (centreX, centreY);
        });
        var x = Math.Clamp(attentionX / (double)small.Width, 0, 1);
        var y = Math.Clamp(attentionY / (double)small.Height, 0, 1);
        return new Composition(x, y, RuleOfThirds(x, y));
    }

    /// <summary>1 at a thirds intersection, falling linearly to 0 at the distance of a corner (√2/3).</summary>
    internal static double RuleOfThirds(double x, double y)
    {
        var nearest = double.MaxValue;
        foreach (var ix in (ReadOnlySpan<double>)[1 / 3.0, 2 / 3.0])
        {
            foreach (var iy in (ReadOnlySpan<double>)[1 / 3.0, 2 / 3.0])
            {
                nearest = Math.Min(nearest, Math.Sqrt(((x - ix) * (x - ix)) + ((y - iy) * (y - iy))));
            }
        }

        return Math.Clamp(1 - (nearest / (Math.Sqrt(2) / 3)), 0, 1);
    }

    private static ImageStatistics Statistics(VipsImage rgb, VipsImage grey)
    {
        var (mean, deviation) = Measure.BandStatistics(grey)[0];

        // Hasler & Süsstrunk opponent channels: rg = R − G, yb = (R + G)/2 − B.
        using var opponent = Kernel.Matrix(3, 2, [1, -1, 0, 0.5, 0.5, -1]);
        using var rgyb = rgb.Combine(source => source.Recomb(opponent.Image), opponent);
        var bands = Measure.BandStatistics(rgyb);
        var (rg, yb) = (bands[0], bands[1]);
        var spread = Math.Sqrt((rg.Deviation * rg.Deviation) + (yb.Deviation * yb.Deviation));
        var centre = Math.Sqrt((rg.Mean * rg.Mean) + (yb.Mean * yb.Mean));
        return new ImageStatistics(mean, deviation, spread + (0.3 * centre));
    }

    /// <summary>8-bit grey without alpha; an image that already is one passes through (as a new reference).</summary>
    private static VipsImage Grey(VipsImage image) =>
        image is { Bands: 1, IsUchar: true } ? image.Apply(source => source.Copy()) : image.ToUcharRgb().Then(rgb => rgb.ToGrayscale());
}
