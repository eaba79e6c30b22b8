using System.Text.Json;
using VisionAspire.Cli;
using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("analyze-test-").FullName;

    [Fact]
    public void Prints_one_json_line_per_image_and_an_error_line_for_a_corrupt_file()
    {
        var corrupt = Path.Combine(_dir, "corrupt.jpg");
        var jpeg = File.ReadAllBytes(TestImages.PathOf("zidane.jpg"));
        File.WriteAllBytes(corrupt, jpeg[..(jpeg.Length / 3)]);
        var stdout = new StringWriter();

        var exitCode = CliApp.Run(
            ["analyze", TestImages.PathOf("bus.jpg"), corrupt, TestImages.PathOf("faces_two_handshake.jpg"), "--json"],
            stdout, new StringWriter());

        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);

        var bus = lines[0];
        Assert.Equal(TestImages.PathOf("bus.jpg"), bus.GetProperty("file").GetString());
        Assert.Equal(810, bus.GetProperty("width").GetInt32());
        Assert.Equal(1080, bus.GetProperty("height").GetInt32());
        Assert.Equal("object", bus.GetProperty("kind").GetString());
        Assert.Equal(2, bus.GetProperty("faces").GetArrayLength());
        Assert.Equal(5, bus.GetProperty("classes").GetArrayLength());
        var busObject = bus.GetProperty("objects").EnumerateArray().First(o => o.GetProperty("label").GetString() == "bus");
        Assert.InRange(busObject.GetProperty("box").GetProperty("width").GetDouble(), 700, 810);
        Assert.False(bus.TryGetProperty("error", out _));

        Assert.Equal(corrupt, lines[1].GetProperty("file").GetString());
        Assert.Contains("CorruptImageException", lines[1].GetProperty("error").GetString());

        var handshake = lines[2];
        Assert.Equal("face", handshake.GetProperty("kind").GetString());
        var face = handshake.GetProperty("faces")[0];
        Assert.True(face.GetProperty("score").GetDouble() > 0.9);
        Assert.True(face.GetProperty("box").GetProperty("width").GetDouble() > 30);
    }

    [Fact]
    public void Labels_as_the_Preprocessor_does_so_a_dogs_face_is_no_person()
    {
        // A window of dog_bicycle_truck.jpg where UltraFace alone finds a "face" (ConfirmedFaceLabellerTests); YuNet does not confirm it.
        var dog = Path.Combine(_dir, "dog_close_up.png");
        using (var photo = VipsImage.LoadFile(TestImages.PathOf("dog_bicycle_truck.jpg")))
        using (var upright = photo.AutoRotate())
        using (var window = upright.Crop(72, 72, 288, 288))
        {
            File.WriteAllBytes(dog, window.Encode(ImageFormat.Png));
        }
        var stdout = new StringWriter();

        CliApp.Run(["analyze", dog, TestImages.PathOf("face_single_woman_laptop.jpg"), "--json", "--tasks", "faces"], stdout, new StringWriter());

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.NotEqual(0, lines[0].GetProperty("faces").GetArrayLength());
        Assert.Equal("object", lines[0].GetProperty("kind").GetString());
        Assert.Equal("face", lines[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Large_photos_are_thumbnailed_and_boxes_scaled_back_to_the_original()
    {
        var stdout = new StringWriter();

        CliApp.Run(["analyze", TestImages.PathOf("car_plate_bmw.jpg"), "--json", "--tasks", "objects"], stdout, new StringWriter());

        var line = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(2040, line.GetProperty("width").GetInt32());
        Assert.False(line.TryGetProperty("faces", out _));
        var car = line.GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("label").GetString() == "car");
        // MANIFEST (full-size input): car 0.95 [420,164,1624,1072].
        Assert.InRange(car.GetProperty("box").GetProperty("x").GetDouble(), 390, 450);
        Assert.InRange(car.GetProperty("box").GetProperty("width").GetDouble(), 1150, 1260);
    }

    [Fact]
    public void The_ocr_task_prints_the_text_lines_in_reading_order()
    {
        var json = new StringWriter();
        var readable = new StringWriter();

        CliApp.Run(["analyze", TestImages.PathOf("ocr_testocr.png"), "--tasks", "ocr", "--json"], json, new StringWriter());
        CliApp.Run(["analyze", TestImages.PathOf("ocr_testocr.png"), "--tasks", "ocr"], readable, new StringWriter());

        var lines = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("text");
        Assert.Equal(8, lines.GetArrayLength());
        Assert.Equal("This is a lot of 12 point text to test the", lines[0].GetProperty("text").GetString());
        Assert.Equal(4, lines[0].GetProperty("polygon").GetArrayLength());
        Assert.InRange(lines[0].GetProperty("polygon")[0].GetProperty("y").GetDouble(), 88, 94);
        var printed = readable.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("640x480 | text lines 8", printed[0]);
        Assert.Equal("  This is a lot of 12 point text to test the", printed[1]);
        Assert.Equal("  ocr code and see if it works on all types", printed[2]);
    }

    [Theory]
    [InlineData]
    [InlineData("analyze")]
    [InlineData("analyze", "x.jpg", "--tasks", "faces,teleport")]
    [InlineData("analyze", "x.jpg", "--frobnicate")]
    [InlineData("transmogrify")]
    public void Usage_errors_exit_with_2_and_explain(params string[] args)
    {
        var stderr = new StringWriter();

        var exitCode = CliApp.Run(args, new StringWriter(), stderr);

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Contains("usage:", stderr.ToString());
    }

    [Fact]
    public void Folders_expand_to_their_images_and_skip_other_files()
    {
        File.Copy(TestImages.PathOf("zebra_coco1818.jpg"), Path.Combine(_dir, "zebra.jpg"));
        File.WriteAllText(Path.Combine(_dir, "notes.md"), "not an image");
        var stdout = new StringWriter();

        CliApp.Run(["analyze", _dir, "--tasks", "classify"], stdout, new StringWriter());

        var line = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("zebra.jpg: 640x425 | classes: zebra", line);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
