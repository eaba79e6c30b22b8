using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>How <see cref="RegionBlur.BlurRegions"/> hides a region.</summary>
public enum RegionBlurMode
{
    /// <summary>A Gaussian blur whose sigma grows with the region's size.</summary>
    Gaussian,

    /// <summary>Blocks of the region's mean colour (the region shrunk by averaging, then enlarged by repetition).</summary>
    Pixelate,
}

/// <summary>
/// Irreversible redaction of rectangles (faces, licence plates): each region is cut out, blurred or pixelated on its
/// own and written back over the same pixels, so the result carries no trace of the original region's detail.
/// </summary>
public static class RegionBlur
{
    public const int MinStrength = 1;
    public const int MaxStrength = 100;

    /// <summary>Sigma the blur runs at on the shrunk copy of a region; wider blurs shrink the region first.</summary>
    private const double WorkingSigma = 3;

    /// <summary>
    /// Returns a copy of <paramref name="image"/> with every region (clamped to the image; empty ones skipped)
    /// replaced. <paramref name="strength"/> 1-100 sets the effect relative to the region's shorter side s:
    /// Gaussian sigma = s × strength / 500 (at least 1 px; 50 gives s/10), pixel block = s × strength / 400
    /// (at least 2 px; 50 gives s/8).
    /// </summary>
    public static VipsImage BlurRegions(this VipsImage image, IEnumerable<CropRegion> regions, RegionBlurMode mode, int strength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strength, MinStrength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strength, MaxStrength);
        var inside = regions.Select(region => Clamp(region, image.Width, image.Height)).Where(r => r.Width > 0 && r.Height > 0).ToList();
        // Compute, not Apply: each region is computed into memory here (below), so a decode failure surfaces now and
        // is classified like any other pixel failure.
        return image.Compute(source =>
        {
            var current = source.Copy();
            try
            {
                foreach (var region in inside)
                {
                    using var area = source.ExtractArea(region.Left, region.Top, region.Width, region.Height);
                    using var hidden = mode == RegionBlurMode.Gaussian ? Gaussian(area, strength) : Pixelate(area, strength);
                    // Computed once into memory: left lazy, every strip the encoder asks for would recompute the
                    // part of the region's blur it touches, with the blur's margins.
                    using var computed = hidden.CopyMemory();
                    var next = current.Insert(computed, region.Left, region.Top);
                    current.Dispose();
                    current = next;
                }

                return current;
            }
            catch
            {
                current.Dispose();
                throw;
            }
        });
    }

    /// <summary>
    /// A wide Gaussian costs O(sigma) per pixel; the same look comes from averaging the region down by
    /// sigma / <see cref="WorkingSigma"/>, blurring that with <see cref="WorkingSigma"/> and enlarging it back.
    /// </summary>
    private static Image Gaussian(Image area, int strength)
    {
        var sigma = Math.Max(1.0, Math.Min(area.Width, area.Height) * strength / 500.0);
        var factor = Math.Max(1, (int)(sigma / WorkingSigma));
        if (factor == 1)
        {
            return area.Gaussblur(sigma);
        }

        using var shrunk = area.Shrink(factor, factor, ceil: true);
        using var blurred = shrunk.Gaussblur(sigma / factor);
        using var enlarged = blurred.Resize(factor, kernel: Enums.Kernel.Linear);
        return enlarged.ExtractArea(0, 0, area.Width, area.Height);
    }

    private static Image Pixelate(Image area, int strength)
    {
        var block = Math.Max(2, (int)Math.Round(Math.Min(area.Width, area.Height) * strength / 400.0));
        // ceil keeps a partial block at the right and bottom edges, so the enlarged copy covers the whole region.
        using var shrunk = area.Shrink(block, block, ceil: true);
        using var blocks = shrunk.Zoom(block, block);
        return blocks.ExtractArea(0, 0, area.Width, area.Height);
    }

    private static CropRegion Clamp(CropRegion region, int width, int height)
    {
        var left = Math.Clamp(region.Left, 0, width);
        var top = Math.Clamp(region.Top, 0, height);
        var right = Math.Clamp(region.Right, left, width);
        var bottom = Math.Clamp(region.Bottom, top, height);
        return new CropRegion(left, top, right - left, bottom - top);
    }
}
