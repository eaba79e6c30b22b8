namespace VisionAspire.Imaging.Operations;

/// <summary>Whole-image reductions returning numbers (each one pass over the pixels).</summary>
internal static class Measure
{
    public static double Max(VipsImage image) => image.Evaluate(source => source.Max());

    public static double Mean(VipsImage image) => image.Evaluate(source => source.Avg());

    public static double StandardDeviation(VipsImage image) => image.Evaluate(source => source.Deviate());

    /// <summary>Per band mean and standard deviation in one pass (libvips "stats").</summary>
    public static (double Mean, double Deviation)[] BandStatistics(VipsImage image)
    {
        using var stats = image.Compute(source => source.Stats()).Then(s => s.Apply(table => table.Cast(NetVips.Enums.BandFormat.Double)));
        var table = stats.WriteToArray<double>();
        var columns = stats.Width; // min, max, sum, sum², mean, deviation, x/y of min and max
        var result = new (double, double)[stats.Height - 1];
        for (var band = 0; band < result.Length; band++)
        {
            var row = (band + 1) * columns; // row 0 covers all bands together
            result[band] = (table[row + 4], table[row + 5]);
        }

        return result;
    }
}
