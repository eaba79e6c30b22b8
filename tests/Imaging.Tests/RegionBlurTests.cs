using VisionAspire.Imaging.Operations;
using VisionAspire.Imaging.Operations.Analysis;

namespace VisionAspire.Imaging.Tests;

public sealed class RegionBlurTests
{
    private static readonly CropRegion Region = new(150, 100, 200, 160);

    [Theory]
    [InlineData(RegionBlurMode.Gaussian)]
    [InlineData(RegionBlurMode.Pixelate)]
    public void Only_the_region_changes_and_it_loses_its_detail(RegionBlurMode mode)
    {
        using var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        using var blurred = photo.BlurRegions([Region], mode, strength: 50);

        var before = photo.ToPixels();
        var after = blurred.ToPixels();
        Assert.Equal((before.Width, before.Height, before.Bands), (after.Width, after.Height, after.Bands));
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                if (x >= Region.Left && x < Region.Right && y >= Region.Top && y < Region.Bottom)
                {
                    continue;
                }

                var i = (y * before.Stride) + (x * before.Bands);
                Assert.True(before.Data.AsSpan(i, before.Bands).SequenceEqual(after.Data.AsSpan(i, before.Bands)), $"pixel {x},{y} outside the region changed");
            }
        }

        using var originalArea = photo.Crop(Region.Left, Region.Top, Region.Width, Region.Height);
        using var hiddenArea = blurred.Crop(Region.Left, Region.Top, Region.Width, Region.Height);
        var sharpness = ImageAnalyzer.BlurScore(originalArea);
        Assert.True(ImageAnalyzer.BlurScore(hiddenArea) < sharpness * (mode == RegionBlurMode.Gaussian ? 0.1 : 0.5),
            $"{mode}: Laplacian variance {ImageAnalyzer.BlurScore(hiddenArea):0.0} against {sharpness:0.0} before");
    }

    [Fact]
    public void Pixelation_fills_each_block_with_one_colour()
    {
        using var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        using var pixelated = photo.BlurRegions([Region], RegionBlurMode.Pixelate, strength: 50);
        var pixels = pixelated.ToPixels();
        const int block = 20; // shorter side 160 × 50 / 400

        for (var by = Region.Top; by < Region.Bottom; by += block)
        {
            for (var bx = Region.Left; bx < Region.Right; bx += block)
            {
                var first = pixels.Data.AsSpan((by * pixels.Stride) + (bx * pixels.Bands), pixels.Bands).ToArray();
                for (var y = by; y < Math.Min(by + block, Region.Bottom); y++)
                {
                    for (var x = bx; x < Math.Min(bx + block, Region.Right); x++)
                    {
                        Assert.True(pixels.Data.AsSpan((y * pixels.Stride) + (x * pixels.Bands), pixels.Bands).SequenceEqual(first),
                            $"pixel {x},{y} differs from its block at {bx},{by}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Regions_reaching_outside_the_image_are_clamped_and_empty_ones_skipped()
    {
        using var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        CropRegion[] regions = [new(-40, -30, 120, 90), new(photo.Width - 50, photo.Height - 50, 200, 200), new(10, 10, 0, 5), new(photo.Width + 5, 0, 10, 10)];

        using var blurred = photo.BlurRegions(regions, RegionBlurMode.Gaussian, strength: 100);

        Assert.Equal((photo.Width, photo.Height), (blurred.Width, blurred.Height));
        using var corner = blurred.Crop(0, 0, 80, 60);
        using var originalCorner = photo.Crop(0, 0, 80, 60);
        Assert.True(ImageAnalyzer.BlurScore(corner) < ImageAnalyzer.BlurScore(originalCorner) * 0.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Strength_outside_1_to_100_is_refused(int strength)
    {
        using var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.BlurRegions([Region], RegionBlurMode.Gaussian, strength).Dispose());
    }
}
