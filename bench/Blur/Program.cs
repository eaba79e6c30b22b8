using System.Diagnostics;
using System.Globalization;
using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Models;
using VisionAspire.Operations.Redaction;
using VisionAspire.TestSupport;

// Privacy blur as POST /api/v1/blur runs it, in-process and one image at a time: the photo decoded upright once,
// faces located (YuNet on the 1280 px working copy), every region blurred, JPEG q85 written. Next to it, in the same
// rounds, the same photo only decoded and re-encoded (the floor any blur endpoint pays) and the decode + locating
// alone. Rounds alternate the variants so a drift in machine speed falls on all of them; wall and process CPU ms
// per image are both reported (CPU time is steadier when other processes load the machine).
//   dotnet run -c Release --project bench/Blur -- [--images N] [--rounds R] [--photo NAME]...
var images = 20;
var rounds = 3;
var photos = new List<string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--photo": photos.Add(args[i + 1]); break;
        default: throw new ArgumentException($"Unknown option {args[i]}; use --images N, --rounds R, --photo NAME.");
    }
}

if (photos.Count == 0)
{
    photos = ["car_plate_bmw.jpg", "faces_group_children.jpg"];
}

using var yunet = new YuNetDetector(ModelStore.CreateDefault());
var faces = DetectedRegionSource.Faces(pixels => yunet.Detect(pixels));
var options = new ImageLoadOptions();
Console.WriteLine(FormattableString.Invariant($"{images} images per variant per round, {rounds} rounds, {Environment.ProcessorCount} cores, ORT 1 thread"));
Console.WriteLine();
Console.WriteLine("| photo | regions | decode + encode ms (CPU) | decode + locate faces ms (CPU) | blur gaussian ms (CPU) | blur pixelate ms (CPU) | gaussian / decode + encode, wall (CPU) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var photo in photos)
{
    var data = SharedImages.Bytes(photo);
    var regions = ImageRedactor.Locate(new WorkingImage(data, options), [faces]).Count;
    var variants = new (string Name, Action Run)[]
    {
        ("reencode", () =>
        {
            using var image = VipsImage.Load(data, options);
            image.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 85 });
        }),
        ("locate", () =>
        {
            using var image = VipsImage.Load(data, options);
            ImageRedactor.Locate(new WorkingImage(image), [faces]);
        }),
        ("gaussian", () => ImageRedactor.Redact(data, options, [faces], RegionBlurMode.Gaussian, 50, ImageFormat.Jpeg, 85)),
        ("pixelate", () => ImageRedactor.Redact(data, options, [faces], RegionBlurMode.Pixelate, 50, ImageFormat.Jpeg, 85)),
    };

    foreach (var (_, run) in variants)
    {
        run(); // warm-up: model load, libvips caches of code paths
    }

    var wall = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var process = Process.GetCurrentProcess();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var (name, run) in variants)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < images; i++)
            {
                run();
            }

            wall[name].Add(clock.Elapsed.TotalMilliseconds / images);
            process.Refresh();
            cpu[name].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / images);
        }
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    string Cell(string name) => string.Create(CultureInfo.InvariantCulture, $"{Median(wall[name]):0.0} ({Median(cpu[name]):0.0})");
    var ratio = string.Create(CultureInfo.InvariantCulture,
        $"{Median(wall["gaussian"]) / Median(wall["reencode"]):0.00} ({Median(cpu["gaussian"]) / Median(cpu["reencode"]):0.00})");
    Console.WriteLine($"| {photo} | {regions} | {Cell("reencode")} | {Cell("locate")} | {Cell("gaussian")} | {Cell("pixelate")} | {ratio} |");
}
