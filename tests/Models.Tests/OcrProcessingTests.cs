using VisionAspire.Models.Processing;

namespace VisionAspire.Models.Tests;

public sealed class OcrProcessingTests
{
    [Fact]
    public void The_minimum_rectangle_around_a_tilted_rectangle_is_that_rectangle()
    {
        // A 40 x 10 rectangle turned by 30 degrees about (100, 50).
        var (c, s) = (Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6));
        (double X, double Y)[] corners = [.. new[] { (-20.0, -5.0), (20.0, -5.0), (20.0, 5.0), (-20.0, 5.0) }
            .Select(p => (100 + p.Item1 * c - p.Item2 * s, 50 + p.Item1 * s + p.Item2 * c))];
        var inside = corners.Concat([(100.0, 50.0), (105.0, 52.0)]).ToList();

        var rect = RotatedRect.MinimumAround(ConvexHull.Of(inside));

        Assert.Equal(100, rect.CenterX, 6);
        Assert.Equal(50, rect.CenterY, 6);
        Assert.Equal(400, rect.Area, 6);
        Assert.Equal(10, rect.ShortSide, 6);
        Assert.Equal(4, ConvexHull.Of(inside).Count);
    }

    [Fact]
    public void Growing_a_rectangle_adds_the_distance_on_every_side()
    {
        var grown = new RotatedRect(0, 0, 1, 0, 20, 5).Grow(3);

        Assert.Equal(46 * 16, grown.Area, 6);
        Assert.Equal(16, grown.ShortSide, 6);
    }

    [Fact]
    public void Regions_are_the_8_connected_blobs_above_the_threshold()
    {
        const int width = 12, height = 6;
        var map = new float[width * height];
        foreach (var (x, y) in new[] { (1, 1), (2, 2), (3, 1) }) // diagonal neighbours: one region
        {
            map[y * width + x] = 0.9f;
        }
        for (var x = 6; x < 11; x++)
        {
            map[4 * width + x] = 0.5f;
        }
        map[5 * width] = 0.3f; // not above 0.3

        var hulls = BinaryRegions.Hulls(map, width, height, 0.3f, maxRegions: 10);

        Assert.Equal(2, hulls.Count);
        Assert.Equal([(1.0, 1.0), (2.0, 2.0), (3.0, 1.0)], hulls[0].Order());
        Assert.Equal([(6.0, 4.0), (10.0, 4.0)], hulls[1].Order());
    }

    [Fact]
    public void Ctc_decoding_drops_blanks_and_repeats_and_maps_the_last_class_to_a_space()
    {
        var decoder = new CtcDecoder(["a", "b"]); // classes: blank, a, b, space
        float[][] steps = [[0, 0.9f, 0, 0], [0, 0.8f, 0, 0], [1, 0, 0, 0], [0, 0.7f, 0, 0], [0, 0, 0, 0.6f], [0, 0, 0.5f, 0]];

        var (text, confidence) = decoder.Decode(steps.SelectMany(s => s).ToArray());

        Assert.Equal("aa b", text);
        Assert.Equal((0.9f + 0.7f + 0.6f + 0.5f) / 4, confidence, 5);
    }

    [Fact]
    public void Rows_group_lines_by_height_and_order_them_left_to_right()
    {
        PixelPoint[] Box(int x, int y, int w, int h) => [new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h)];
        var boxes = new[] { Box(200, 12, 50, 20), Box(10, 40, 80, 20), Box(10, 10, 80, 20), Box(120, 14, 50, 20) };

        var rows = ReadingOrder.Rows(boxes, b => b);

        Assert.Equal(2, rows.Count);
        Assert.Equal([10, 120, 200], rows[0].Select(b => b[0].X));
        Assert.Equal([10], rows[1].Select(b => b[0].X));
    }

    [Fact]
    public void Turning_a_crop_relabels_its_corners()
    {
        var crop = new TextCrop((10, 20), (110, 20), (10, 50), 100, 30);

        var turned = crop.Rotated180();
        var counterClockwise = crop.RotatedCounterClockwise();

        Assert.Equal(new TextCrop((110, 50), (10, 50), (110, 20), 100, 30), turned);
        Assert.Equal(new TextCrop((110, 20), (110, 50), (10, 20), 30, 100), counterClockwise);
        Assert.Equal(crop, turned.Rotated180());
    }

    [Fact]
    public void Tall_regions_are_cropped_turned_counter_clockwise()
    {
        var crop = TextCrop.Of([new(10, 10), new(40, 10), new(40, 110), new(10, 110)]);

        Assert.Equal((100, 30), (crop.Width, crop.Height));
        Assert.Equal((40.0, 10.0), crop.Origin);
    }
}
