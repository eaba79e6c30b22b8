using System.Globalization;
using VisionAspire.Operations.Bench;

// Decode a JPEG, resize to 720 px wide, encode JPEG q80: ops/s in-process and through the Api at concurrency 2 and
// 8, each next to vipsthumbnail on the same file in the same run, and (--sharp) next to a sharp service driven by
// the same client.
//   dotnet run -c Release --project bench/Operations -- [--ops N] [--api URL] [--sharp URL] [--photo name.jpg] [--original]
var options = BenchArguments.Parse(args);
var work = Directory.CreateTempSubdirectory("vision-ops-bench-");
try
{
    var source = SourceImage.Create(work.FullName, options.Photo, options.Original);
    Console.WriteLine(FormattableString.Invariant($"source: {source.Width}x{source.Height}, {source.Bytes.Length / 1024} KiB ({source.Description}); {options.Operations} operations per measurement; {Environment.ProcessorCount} cores"));
    var rows = new List<string>();
    var versusSharp = new List<string>();
    foreach (var concurrency in options.Concurrencies)
    {
        var vips = VipsCli.Measure(source.Path, work.FullName, concurrency, options.Operations);
        var inProcess = await InProcess.MeasureAsync(source.Bytes, concurrency, options.Operations);
        rows.Add(Row("in-process", concurrency, inProcess, vips));
    }

    await using (var api = await ApiTarget.StartAsync(options.ApiUrl))
    await using (var sharp = options.SharpUrl is null ? null : await ApiTarget.StartAsync(options.SharpUrl))
    {
        foreach (var concurrency in options.Concurrencies)
        {
            var vips = VipsCli.Measure(source.Path, work.FullName, concurrency, options.Operations);
            if (sharp is null)
            {
                rows.Add(Row($"api ({api.Description})", concurrency, await api.MeasureAsync(source.Bytes, concurrency, options.Operations), vips));
                continue;
            }

            // Alternated twice (sharp, api, in-process, ...) so a drift in machine speed falls on all three.
            var (ours, theirs, engine) = (0.0, 0.0, 0.0);
            for (var round = 0; round < 2; round++)
            {
                theirs += await sharp.MeasureAsync(source.Bytes, concurrency, options.Operations) / 2;
                ours += await api.MeasureAsync(source.Bytes, concurrency, options.Operations) / 2;
                engine += await InProcess.MeasureAsync(source.Bytes, concurrency, options.Operations) / 2;
            }

            rows.Add(Row($"api ({api.Description})", concurrency, ours, vips));
            rows.Add(Row("sharp service", concurrency, theirs, vips));
            versusSharp.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {ours:0.0} | {theirs:0.0} | {ours / theirs:0.00} | {engine:0.0} | {engine / theirs:0.00} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("| path | concurrency | ops/s | vipsthumbnail ops/s (same run) | ratio |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    rows.ForEach(Console.WriteLine);
    if (versusSharp.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("| concurrency | api ops/s | sharp service ops/s | api / sharp | in-process ops/s (same rounds) | in-process / sharp |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        versusSharp.ForEach(Console.WriteLine);
    }
}
finally
{
    work.Delete(recursive: true);
}

static string Row(string path, int concurrency, double opsPerSecond, double vipsOpsPerSecond) =>
    string.Create(CultureInfo.InvariantCulture, $"| {path} | {concurrency} | {opsPerSecond:0.0} | {vipsOpsPerSecond:0.0} | {opsPerSecond / vipsOpsPerSecond:0.00} |");
