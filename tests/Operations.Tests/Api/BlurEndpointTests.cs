using VisionAspire.TestSupport;
using System.Text.Json.Nodes;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>POST /api/v1/blur through the real Api: every face and plate loses its detail, the rest of the photo stays as it was.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class BlurEndpointTests(OperationsAppFixture fixture)
{
    private const int Window = 128;

    private static readonly byte[] Children = TestImages.Bytes("faces_group_children.jpg");
    private static readonly byte[] Bmw = TestImages.Bytes("car_plate_bmw.jpg");

    /// <summary>The plate of car_plate_bmw.jpg, [843,862]-[1225,953] (shared/images/README.md).</summary>
    private static readonly (int X, int Y, int W, int H) Plate = (843, 862, 1225 - 843, 953 - 862);

    private readonly OperationsClient _api = new(fixture.Http);
    private readonly ModelStore _store = ModelStore.CreateDefault();

    [Fact]
    public async Task Every_face_loses_its_detail_and_a_region_away_from_faces_is_unchanged()
    {
        var faces = FindFaces(Children);
        Assert.True(faces.Count >= 8, $"the test's detectors found {faces.Count} faces");

        // PNG: no second JPEG encode to blur the rest of the photo a little.
        var (body, response) = await _api.ProcessAsync("/api/v1/blur?targets=faces&format=png", Children);

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var regions = Regions(response);
        Assert.Equal(regions.Count.ToString(), response.Headers.GetValues("X-Blurred-Count").Single());
        var before = Decode(Children);
        var after = Decode(body);
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        foreach (var face in faces)
        {
            var (x, y, w, h) = ((int)face.X, (int)face.Y, (int)face.Width, (int)face.Height);
            var sharp = Sharpness.LaplacianVariance(before, x, y, w, h);
            var hidden = Sharpness.LaplacianVariance(after, x, y, w, h);
            Assert.True(hidden <= sharp * 0.1, $"face {x},{y} {w}x{h} kept Laplacian variance {hidden:0.0} of {sharp:0.0}");
        }

        var (left, top) = MostDetailedWindowAwayFrom(before, regions);
        var original = Sharpness.LaplacianVariance(before, left, top, Window, Window);
        var kept = Sharpness.LaplacianVariance(after, left, top, Window, Window);
        Assert.True(Math.Abs(kept - original) < original * 0.05, $"window {left},{top}: {kept:0.0} against {original:0.0}");
    }

    /// <summary>
    /// Pixelation adds block edges, so the Laplacian does not measure it: every face must instead lie in a region made
    /// of nothing but uniform blocks, and no pixel outside the regions may change.
    /// </summary>
    [Fact]
    public async Task Pixelate_turns_every_face_into_uniform_blocks_and_leaves_the_rest()
    {
        var faces = FindFaces(Children);

        var (body, response) = await _api.ProcessAsync("/api/v1/blur?mode=pixelate&strength=50&format=png", Children);

        var regions = Regions(response);
        var before = Decode(Children);
        var after = Decode(body);
        foreach (var face in faces)
        {
            Assert.Contains(regions, r => r.X <= face.X + (0.05f * face.Width) && r.Y <= face.Y + (0.05f * face.Height)
                && r.X + r.W >= face.X + (0.95f * face.Width) && r.Y + r.H >= face.Y + (0.95f * face.Height));
        }

        foreach (var r in regions)
        {
            var block = Math.Max(2, (int)Math.Round(Math.Min(r.W, r.H) * 50 / 400.0));
            var colours = new HashSet<int>();
            for (var y = r.Y; y < r.Y + r.H; y++)
            {
                for (var x = r.X; x < r.X + r.W; x++)
                {
                    colours.Add(Colour(after, x, y));
                }
            }

            // Overlapping regions are pixelated one after the other, so their union may hold up to both sets of blocks.
            var blocks = (int)(Math.Ceiling(r.W / (double)block) * Math.Ceiling(r.H / (double)block));
            Assert.True(colours.Count <= 2 * blocks, $"region {r}: {colours.Count} colours in {blocks} blocks of {block} px");
        }

        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                if (!regions.Any(r => x >= r.X && x < r.X + r.W && y >= r.Y && y < r.Y + r.H))
                {
                    Assert.True(Colour(before, x, y) == Colour(after, x, y), $"pixel {x},{y} outside every region changed");
                }
            }
        }
    }

    [Fact]
    public async Task Answers_the_source_format_or_the_negotiated_one_and_json_lists_the_same_regions()
    {
        var (jpeg, jpegResponse) = await _api.ProcessAsync("/api/v1/blur", Children);
        var (webp, webpResponse) = await _api.ProcessAsync("/api/v1/blur?format=auto", Children, accept: "image/webp");
        var (json, _) = await _api.ProcessAsync("/api/v1/blur?output=json", Children);

        Assert.Equal("image/jpeg", jpegResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ImageFormat.Jpeg, VipsImage.ReadHeader(jpeg).Format);
        Assert.Equal("image/webp", webpResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ImageFormat.WebP, VipsImage.ReadHeader(webp).Format);
        var listed = JsonNode.Parse(json)!;
        Assert.Equal(JsonNode.Parse(jpegResponse.Headers.GetValues("X-Blurred-Regions").Single())!.ToJsonString(), listed["regions"]!.ToJsonString());
        Assert.Equal((1024, 768), (listed["width"]!.GetValue<int>(), listed["height"]!.GetValue<int>()));
        Assert.True(listed["regions"]!.AsArray().Count >= 8);
    }

    [Fact]
    public async Task A_photo_without_faces_comes_back_with_no_regions()
    {
        var (_, response) = await _api.ProcessAsync("/api/v1/blur?format=png", TestImages.Bytes("zebra_coco1818.jpg"));

        Assert.Equal("0", response.Headers.GetValues("X-Blurred-Count").Single());
        Assert.Equal("[]", response.Headers.GetValues("X-Blurred-Regions").Single());
    }

    [Fact]
    public async Task The_plate_loses_its_detail_and_a_region_away_from_it_is_unchanged()
    {
        var (body, response) = await _api.ProcessAsync("/api/v1/blur?targets=plates&format=png", Bmw);

        var regions = Regions(response);
        Assert.Contains(regions, r => Overlaps(r, Plate));
        var before = Decode(Bmw);
        var after = Decode(body);
        var (x, y, w, h) = Plate;
        var sharp = Sharpness.LaplacianVariance(before, x, y, w, h);
        var hidden = Sharpness.LaplacianVariance(after, x, y, w, h);
        Assert.True(hidden <= sharp * 0.1, $"the plate kept Laplacian variance {hidden:0.0} of {sharp:0.0}; regions {string.Join(" ", regions)}");

        var (left, top) = MostDetailedWindowAwayFrom(before, regions);
        var original = Sharpness.LaplacianVariance(before, left, top, Window, Window);
        var kept = Sharpness.LaplacianVariance(after, left, top, Window, Window);
        Assert.True(Math.Abs(kept - original) < original * 0.05, $"window {left},{top}: {kept:0.0} against {original:0.0}");
    }

    [Fact]
    public async Task Faces_and_plates_together_blur_the_plate_and_json_lists_it()
    {
        var (_, both) = await _api.ProcessAsync("/api/v1/blur?targets=faces,plates&format=png", Bmw);
        var (json, _) = await _api.ProcessAsync("/api/v1/blur?targets=plates&output=json", Bmw);

        // shared/images/README.md: the photo has no face.
        var regions = JsonNode.Parse(both.Headers.GetValues("X-Blurred-Regions").Single())!.AsArray();
        Assert.All(regions, r => Assert.Equal("plates", r!["target"]!.GetValue<string>()));
        Assert.Contains(Regions(both), r => Overlaps(r, Plate));
        var listed = JsonNode.Parse(json)!;
        Assert.Equal((2040, 1360), (listed["width"]!.GetValue<int>(), listed["height"]!.GetValue<int>()));
        var plates = listed["regions"]!.AsArray();
        Assert.Contains(plates, r => r!["target"]!.GetValue<string>() == "plates"
            && Overlaps((r["x"]!.GetValue<int>(), r["y"]!.GetValue<int>(), r["width"]!.GetValue<int>(), r["height"]!.GetValue<int>()), Plate));
    }

    [Fact]
    public async Task A_photo_of_people_has_no_plate()
    {
        var (_, response) = await _api.ProcessAsync("/api/v1/blur?targets=plates&format=png", Children);

        Assert.Equal("0", response.Headers.GetValues("X-Blurred-Count").Single());
    }

    /// <summary>Both detectors' faces on the full-size photo, so a face only one of them sees must be blurred too.</summary>
    private List<Box> FindFaces(byte[] photo)
    {
        var pixels = Decode(photo);
        using var yunet = new YuNetDetector(_store);
        using var ultraface = new UltraFaceDetector(_store);
        return [.. yunet.Detect(pixels).Concat(ultraface.Detect(pixels)).Select(f => f.Box)];
    }

    private static List<(int X, int Y, int W, int H)> Regions(HttpResponseMessage response) =>
        [.. JsonNode.Parse(response.Headers.GetValues("X-Blurred-Regions").Single())!.AsArray()
            .Select(r => (X: r!["x"]!.GetValue<int>(), Y: r["y"]!.GetValue<int>(), W: r["width"]!.GetValue<int>(), H: r["height"]!.GetValue<int>()))];

    private static bool Overlaps((int X, int Y, int W, int H) a, (int X, int Y, int W, int H) b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    private static int Colour(PixelBuffer rgb, int x, int y)
    {
        var i = (y * rgb.Stride) + (x * rgb.Bands);
        return (rgb.Data[i] << 16) | (rgb.Data[i + 1] << 8) | rgb.Data[i + 2];
    }

    private static PixelBuffer Decode(byte[] data)
    {
        using var image = VipsImage.Load(data);
        return image.ToPixels();
    }

    private static (int Left, int Top) MostDetailedWindowAwayFrom(PixelBuffer image, List<(int X, int Y, int W, int H)> regions)
    {
        const int gap = 8;
        var candidates =
            from top in Enumerable.Range(0, (image.Height - Window) / (Window / 2)).Select(i => i * (Window / 2))
            from left in Enumerable.Range(0, (image.Width - Window) / (Window / 2)).Select(i => i * (Window / 2))
            where regions.All(r => left + Window + gap <= r.X || r.X + r.W + gap <= left || top + Window + gap <= r.Y || r.Y + r.H + gap <= top)
            select (Left: left, Top: top);
        return candidates.MaxBy(c => Sharpness.LaplacianVariance(image, c.Left, c.Top, Window, Window));
    }
}
