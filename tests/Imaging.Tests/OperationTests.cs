using VisionAspire.Imaging.Operations;
using VisionAspire.Imaging.Operations.Analysis;

namespace VisionAspire.Imaging.Tests;

public sealed class OperationTests
{
    private static VipsImage Photo(string name = "zebra_coco1818.jpg") => VipsImage.Load(TestImages.Bytes(name));

    [Fact]
    public void Blur_lowers_and_sharpen_raises_the_laplacian_variance()
    {
        using var photo = Photo("face_single_woman_laptop.jpg");
        var original = ImageAnalyzer.BlurScore(photo);

        using var box = photo.BoxBlur(2);
        using var gaussian = photo.GaussianBlur(2);
        using var median = photo.Median(5);
        using var sharpened = photo.Sharpen(1, 3);
        using var enhanced = photo.Sharpness(2.5);
        using var softened = photo.Sharpness(0);

        Assert.True(ImageAnalyzer.BlurScore(box) < original / 2, "box blur");
        Assert.True(ImageAnalyzer.BlurScore(gaussian) < original / 2, "gaussian blur");
        Assert.True(ImageAnalyzer.BlurScore(median) < original, "median");
        Assert.True(ImageAnalyzer.BlurScore(softened) < original, "sharpness 0");
        Assert.True(ImageAnalyzer.BlurScore(sharpened) > original * 1.2, "sharpen");
        Assert.True(ImageAnalyzer.BlurScore(enhanced) > original * 1.2, "sharpness 2.5");
        Assert.Equal((photo.Width, photo.Height, 3), (box.Width, box.Height, box.Bands));
        Assert.Equal((photo.Width, photo.Height, 3), (sharpened.Width, sharpened.Height, sharpened.Bands));
    }

    [Fact]
    public void Grayscale_has_one_band_and_equal_channels_when_exported()
    {
        using var grey = Photo().ToGrayscale();

        Assert.Equal(1, grey.Bands);
        Assert.Equal("b-w", grey.Interpretation);
        var pixels = grey.ToPixels().Data;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            Assert.True(pixels[i] == pixels[i + 1] && pixels[i] == pixels[i + 2]);
        }
    }

    [Theory]
    [InlineData(EdgeDetector.Sobel)]
    [InlineData(EdgeDetector.Canny)]
    public void Edge_maps_are_single_band_with_edges_on_zebra_stripes_and_none_on_a_flat_image(EdgeDetector detector)
    {
        using var zebra = Photo();
        using var black = zebra.Brightness(0);
        using var edges = zebra.DetectEdges(detector);
        using var none = black.DetectEdges(detector);

        Assert.Equal((zebra.Width, zebra.Height, 1), (edges.Width, edges.Height, edges.Bands));
        var strong = edges.ToPixels().Data.Count(b => b > 128) / 3.0 / (zebra.Width * zebra.Height);
        Assert.InRange(strong, 0.05, 0.95);
        Assert.Equal(0, none.ToPixels().Data.Count(b => b != 0));
    }

    [Fact]
    public void Emboss_and_contour_keep_size_and_change_pixels()
    {
        using var photo = Photo("faces_two_handshake.jpg");
        using var emboss = photo.Emboss();
        using var contour = photo.Contour();
        var original = photo.ToPixels().Data;

        Assert.Equal((photo.Width, photo.Height, 3), (emboss.Width, emboss.Height, emboss.Bands));
        Assert.NotEqual(original, emboss.ToPixels().Data);
        var outlines = contour.ToPixels().Data;
        Assert.True(outlines.Average(b => b) > 200, "contour draws dark lines on white");
    }

    [Fact]
    public void Invalid_filter_parameters_are_rejected()
    {
        using var photo = Photo("faces_two_handshake.jpg");
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.Median(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.Median(17));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.GaussianBlur(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.BoxBlur(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.Enhance(new EnhanceOptions { Contrast = 3.5 }));
    }

    [Fact]
    public void Enhance_factors_move_the_measures_the_right_way()
    {
        using var photo = Photo("green_apples_coco2149.jpg");
        var before = ImageAnalyzer.Statistics(photo);
        using var brighter = photo.Brightness(1.4);
        using var darker = photo.Brightness(0.6);
        using var flatter = photo.Contrast(0.5);
        using var punchier = photo.Contrast(1.5);
        using var grey = photo.Saturation(0);
        using var vivid = photo.Saturation(2);
        using var unchanged = photo.Enhance(new EnhanceOptions());

        Assert.True(ImageAnalyzer.Statistics(brighter).MeanBrightness > before.MeanBrightness + 10);
        Assert.True(ImageAnalyzer.Statistics(darker).MeanBrightness < before.MeanBrightness - 10);
        Assert.True(ImageAnalyzer.Statistics(flatter).Contrast < before.Contrast * 0.7);
        Assert.True(ImageAnalyzer.Statistics(punchier).Contrast > before.Contrast * 1.2);
        Assert.True(ImageAnalyzer.Statistics(grey).Colourfulness < 3);
        Assert.True(ImageAnalyzer.Statistics(vivid).Colourfulness > before.Colourfulness * 1.3);
        Assert.InRange(ImageAnalyzer.Statistics(unchanged).MeanBrightness, before.MeanBrightness - 1, before.MeanBrightness + 1);
        Assert.Equal((photo.Width, photo.Height, 3), (vivid.Width, vivid.Height, vivid.Bands));
    }

    [Fact]
    public void Histogram_channels_each_sum_to_the_pixel_count()
    {
        using var photo = Photo("ocr_testocr.png");

        var histogram = ImageAnalyzer.Histogram(photo);

        Assert.Equal(640L * 480, histogram.PixelCount);
        Assert.Equal(["red", "green", "blue"], histogram.Channels.Select(c => c.Channel));
        Assert.All(histogram.Channels, c => Assert.Equal(histogram.PixelCount, c.Bins.Sum()));
        Assert.True(histogram.Channels[0].Bins[255] > histogram.PixelCount / 2, "mostly white page");
    }

    [Fact]
    public void Analysis_tells_a_grey_text_scan_from_a_colourful_photo()
    {
        using var scan = Photo("ocr_testocr.png");
        using var apples = Photo("green_apples_coco2149.jpg");

        var text = ImageAnalyzer.Analyze(scan);
        var fruit = ImageAnalyzer.Analyze(apples);

        Assert.True(text.Statistics.MeanBrightness > 200);
        Assert.True(text.Statistics.Colourfulness < 5);
        Assert.True(fruit.Statistics.Colourfulness > 20);
        Assert.InRange(text.Entropy, 0, 4);
        Assert.InRange(fruit.Entropy, 5, 8);
        Assert.InRange(fruit.EdgeDensity, 0.001, 1);
        Assert.True(text.DominantColours[0].Red > 240 && text.DominantColours[0].Share > 0.5); // the white page
        Assert.True(fruit.DominantColours[0].Green >= fruit.DominantColours[0].Blue);
        Assert.InRange(fruit.DominantColours.Sum(c => c.Share), 0.2, 1.0000001);
        Assert.InRange(fruit.Composition.SaliencyX, 0, 1);
        Assert.InRange(fruit.Composition.RuleOfThirds, 0, 1);
    }

    [Fact]
    public void Rule_of_thirds_is_one_on_an_intersection_and_zero_in_a_corner()
    {
        Assert.Equal(1, ImageAnalyzer.RuleOfThirds(1 / 3.0, 2 / 3.0), 6);
        Assert.Equal(0, ImageAnalyzer.RuleOfThirds(0, 0), 6);
    }

    [Theory]
    [InlineData(SmartCropStrategy.Attention)]
    [InlineData(SmartCropStrategy.Entropy)]
    [InlineData(SmartCropStrategy.Centre)]
    public void Smart_crop_returns_the_requested_size(SmartCropStrategy strategy)
    {
        using var photo = Photo("zidane.jpg");
        using var crop = photo.CropInteresting(400, 300, strategy);
        using var clamped = photo.CropInteresting(5000, 300, strategy);

        Assert.Equal((400, 300), (crop.Width, crop.Height));
        Assert.Equal((1280, 300), (clamped.Width, clamped.Height));
    }

    [Fact]
    public void PlanAround_keeps_every_region_and_the_aspect_ratio()
    {
        var faces = new[] { new CropRegion(100, 100, 80, 80), new CropRegion(600, 150, 90, 90) };

        var plan = SmartCrop.PlanAround(1280, 720, faces, 300, 200);

        Assert.All(faces, face => Assert.True(plan.Contains(face), $"{plan} misses {face}"));
        Assert.Equal(1.5, (double)plan.Width / plan.Height, 2);
        Assert.True(plan.Left >= 0 && plan.Top >= 0 && plan.Right <= 1280 && plan.Bottom <= 720);
    }
}
