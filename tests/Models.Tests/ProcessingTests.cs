using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models.Tests;

public sealed class ProcessingTests
{
    [Fact]
    public void Letterbox_resize_normalises_content_and_fills_padding()
    {
        var image = Solid(40, 20, r: 200, g: 100, b: 50);
        var tensor = new float[3 * 16 * 16];

        TensorWriter.Resize<float>(image, tensor, 16, 16, 16, 8, ChannelOrder.Bgr, new PixelNormalisation(10, 20, 30, 1, 1, 1), padValue: 114);

        Assert.Equal(50 - 10, tensor[0]);              // plane 0 = blue
        Assert.Equal(100 - 20, tensor[256 + 7 * 16]);  // plane 1 = green, last content row
        Assert.Equal(200 - 30, tensor[512 + 15]);      // plane 2 = red
        Assert.Equal(114 - 10, tensor[8 * 16]);        // first padded row
        Assert.Equal(114 - 30, tensor[512 + 255]);
    }

    [Fact]
    public void Resize_interpolates_between_neighbours()
    {
        var image = new PixelBuffer([0, 0, 0, 200, 200, 200], 2, 1, 3);
        var tensor = new float[3 * 4];

        TensorWriter.Resize<float>(image, tensor, 4, 1, 4, 1, ChannelOrder.Rgb, PixelNormalisation.Raw);

        Assert.Equal([0f, 50f, 150f, 200f], tensor[..4]);
    }

    [Fact]
    public void Resize_writes_float16_directly()
    {
        var image = Solid(8, 8, 255, 255, 255);
        var tensor = new Half[3 * 4 * 4];

        TensorWriter.Resize<Half>(image, tensor, 4, 4, 4, 4, ChannelOrder.Bgr, new PixelNormalisation(104, 117, 123, 1, 1, 1));

        Assert.Equal((Half)151, tensor[0]);
        Assert.Equal((Half)132, tensor[^1]);
    }

    [Fact]
    public void Similarity_estimate_recovers_a_known_transform()
    {
        var angle = 0.3;
        var known = new AffineTransform(2 * Math.Cos(angle), -2 * Math.Sin(angle), 5, 2 * Math.Sin(angle), 2 * Math.Cos(angle), -7);
        (double X, double Y)[] from = [(0, 0), (10, 0), (0, 10), (7, 3), (2, 9)];
        var to = from.Select(p => known.Apply(p.X, p.Y)).ToArray();

        var estimate = AffineTransform.EstimateSimilarity(from, to);

        Assert.Equal(known.A, estimate.A, 6);
        Assert.Equal(known.B, estimate.B, 6);
        Assert.Equal(known.C, estimate.C, 6);
        Assert.Equal(known.F, estimate.F, 6);
        var (x, y) = estimate.Invert().Apply(to[3].X, to[3].Y);
        Assert.Equal(7, x, 6);
        Assert.Equal(3, y, 6);
    }

    [Fact]
    public void Warp_reads_zero_outside_the_image()
    {
        var image = Solid(4, 4, 90, 90, 90);
        var tensor = new float[3 * 2 * 2];

        TensorWriter.Warp<float>(image, tensor, 2, 2, new AffineTransform(1, 0, 10, 0, 1, 10), ChannelOrder.Rgb, PixelNormalisation.Raw);

        Assert.All(tensor, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Hard_nms_keeps_the_best_of_overlapping_boxes_per_class()
    {
        List<Candidate> candidates =
        [
            new(0, 0, 10, 10, 0.9f, 0, 0), new(1, 1, 11, 11, 0.8f, 0, 1), new(1, 1, 11, 11, 0.7f, 1, 2), new(50, 50, 60, 60, 0.6f, 0, 3),
        ];

        var perClass = NonMaximumSuppression.Apply([.. candidates], 0.45f, perClass: true);
        var agnostic = NonMaximumSuppression.Apply([.. candidates], 0.45f, perClass: false);

        Assert.Equal([0, 2, 3], perClass.Select(c => c.Index));
        Assert.Equal([0, 3], agnostic.Select(c => c.Index));
    }

    private static PixelBuffer Solid(int width, int height, byte r, byte g, byte b)
    {
        var data = new byte[width * height * 3];
        for (var i = 0; i < data.Length; i += 3)
        {
            (data[i], data[i + 1], data[i + 2]) = (r, g, b);
        }
        return new PixelBuffer(data, width, height, 3);
    }
}
