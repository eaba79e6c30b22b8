using System.Text.RegularExpressions;
using VisionAspire.Imaging;
using VisionAspire.TestSupport;

namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class OcrTests(PipelinesFixture models)
{
    [Fact]
    public void Reads_ocr_testocr_png_with_at_least_99_percent_character_accuracy()
    {
        var result = models.Ocr.Read(TestImages.Load("ocr_testocr.png"));

        Assert.Equal(8, result.Lines.Count);
        var accuracy = OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, result.Text);
        Assert.True(accuracy >= 0.99, $"accuracy {accuracy:F4}, read:\n{result.Text}");
        Assert.All(result.Lines, line => Assert.InRange(line.Confidence, 0.9f, 1f));
        // MANIFEST: the first line's box is [[36,91],[579,92],[579,119],[36,118]].
        Assert.Equal([new(36, 91), new(579, 92), new(579, 119), new(36, 118)], result.Lines[0].Polygon, new Near(3));
    }

    [Fact]
    public void Reads_the_bank_statement_dates_and_amounts()
    {
        var result = models.Ocr.Read(TestImages.Load("ocr_bank_statement.png"));

        // The model often drops the spaces between small words; compare without whitespace.
        var text = Regex.Replace(result.Text, @"\s+", "");
        Assert.All(OcrGroundTruth.BankStatementValues, value => Assert.Contains(value, text));
        Assert.Equal(3, Regex.Count(text, "02Aug2018"));
        Assert.Equal(8, Regex.Count(text, "01Aug2018"));
    }

    [Theory]
    [InlineData("ocr_bank_statement.png")]
    [InlineData("ocr_testocr.png")]
    [InlineData("bus.jpg")]
    public void Polygons_lie_inside_the_image_and_lines_come_in_reading_order(string file)
    {
        var image = TestImages.Load(file);
        var lines = models.Ocr.Read(image).Lines;

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Equal(4, line.Polygon.Count);
            Assert.All(line.Polygon, p =>
            {
                Assert.InRange(p.X, 0, image.Width - 1);
                Assert.InRange(p.Y, 0, image.Height - 1);
            });
            var (tl, tr, br, bl) = (line.Polygon[0], line.Polygon[1], line.Polygon[2], line.Polygon[3]);
            Assert.True(tl.X < tr.X && bl.X < br.X && tl.Y < bl.Y && tr.Y < br.Y, $"not clockwise from top-left: {string.Join(" ", line.Polygon)}");
        });
        for (var i = 1; i < lines.Count; i++)
        {
            var (before, after) = (lines[i - 1].Bounds, lines[i].Bounds);
            var halfLine = Math.Min(before.Height, after.Height) / 2;
            var rise = (after.Y + after.Height / 2) - (before.Y + before.Height / 2);
            var nextRow = rise >= halfLine;
            var sameRowToTheRight = Math.Abs(rise) < halfLine && after.X > before.X;
            Assert.True(nextRow || sameRowToTheRight, $"'{lines[i].Text}' {after} follows '{lines[i - 1].Text}' {before}");
        }
    }

    [Fact]
    public void Reads_text_turned_upside_down()
    {
        var upsideDown = Rotate180(TestImages.Load("ocr_testocr.png"));

        var result = models.Ocr.Read(upsideDown);

        var accuracy = OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, result.Text);
        Assert.True(accuracy >= 0.97, $"accuracy {accuracy:F4}, read:\n{result.Text}");
    }

    [Fact]
    public void Without_the_orientation_classifier_upside_down_text_is_not_read()
    {
        using var upright = new OcrReader(models.Store, useOrientation: false);

        var result = upright.Read(Rotate180(TestImages.Load("ocr_testocr.png")));

        Assert.True(OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, result.Text) < 0.5, result.Text);
    }

    [Fact]
    public void Reads_the_number_plate_and_the_bus_slogan_in_photos()
    {
        var plate = models.Ocr.Read(TestImages.Load("car_plate_bmw.jpg"));
        var bus = models.Ocr.Read(TestImages.Load("bus.jpg"));

        var plateLine = Assert.Single(plate.Lines, line => Regex.IsMatch(line.Text, "WA.?59382"));
        // MANIFEST: [[846,862],[1220,867],[1219,948],[845,943]].
        Assert.Equal([new(846, 862), new(1220, 867), new(1219, 948), new(845, 943)], plateLine.Polygon, new Near(6));
        Assert.Contains(bus.Lines, line => line.Text == "cero");
        Assert.Contains(bus.Lines, line => line.Text == "emisiones");
    }

    [Theory]
    [InlineData(640, 480, 640, 480)]
    [InlineData(957, 307, 960, 320)]
    [InlineData(2040, 1360, 960, 640)]
    [InlineData(810, 1080, 736, 960)]
    [InlineData(20, 10, 32, 32)]
    public void Detector_input_is_at_most_960_and_a_multiple_of_32(int width, int height, int inputWidth, int inputHeight)
    {
        Assert.Equal((inputWidth, inputHeight), TextDetector.InputSize(width, height));
    }

    [Fact]
    public void An_image_without_text_gives_no_lines()
    {
        var blank = new PixelBuffer(Enumerable.Repeat((byte)255, 200 * 100 * 3).ToArray(), 200, 100, 3);

        var result = models.Ocr.Read(blank);

        Assert.Empty(result.Lines);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void Concurrent_reads_of_different_images_get_exactly_the_sequential_results()
    {
        var images = new[] { "ocr_testocr.png", "ocr_bank_statement.png" }.Select(TestImages.Load).ToArray();
        var expected = images.Select(i => Describe(models.Ocr.Read(i))).ToArray();
        var results = new string[3, 2];

        var threads = Enumerable.Range(0, 3).Select(t => new Thread(() =>
        {
            for (var k = 0; k < 2; k++)
            {
                var index = (t + k) % 2;
                results[t, index] = Describe(models.Ocr.Read(images[index]));
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }

        for (var t = 0; t < 3; t++)
        {
            Assert.Equal(expected[0], results[t, 0]);
            Assert.Equal(expected[1], results[t, 1]);
        }
    }

    [Fact]
    public void A_steady_state_read_allocates_far_less_than_the_detector_input_tensor()
    {
        var image = TestImages.Load("ocr_bank_statement.png");
        var (width, height) = TextDetector.InputSize(image.Width, image.Height);
        var inputBytes = 3L * width * height * sizeof(float);

        models.Ocr.Read(image);
        models.Ocr.Read(image);
        var before = GC.GetAllocatedBytesForCurrentThread();
        models.Ocr.Read(image);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < inputBytes / 4, $"a read allocated {allocated} bytes; the detector input is {inputBytes} bytes");
    }

    /// <summary>Every line's text, confidence (exact bits) and polygon.</summary>
    private static string Describe(OcrResult result) => string.Join('\n', result.Lines.Select(l =>
        $"{l.Text} {BitConverter.SingleToInt32Bits(l.Confidence):x8} {string.Join(' ', l.Polygon)}"));

    private static PixelBuffer Rotate180(PixelBuffer source)
    {
        var data = new byte[source.Length];
        var pixels = source.Width * source.Height;
        for (var i = 0; i < pixels; i++)
        {
            Array.Copy(source.Data, i * source.Bands, data, (pixels - 1 - i) * source.Bands, source.Bands);
        }
        return source with { Data = data };
    }

    private sealed class Near(int tolerance) : IEqualityComparer<PixelPoint>
    {
        public bool Equals(PixelPoint a, PixelPoint b) => Math.Abs(a.X - b.X) <= tolerance && Math.Abs(a.Y - b.Y) <= tolerance;

        public int GetHashCode(PixelPoint point) => 0;
    }
}
