using System.Globalization;
using VisionAspire.Operations.Bench;

// Decode a ~2700x2200 JPEG, resize to 720 px wide, encode JPEG q80: ops/s in-process and through the Api at
// concurrency 2 and 8, each next to vipsthumbnail on the same file in the same run.
//   dotnet run -c Release --project bench/Operations -- [--ops N] [--api http://host:port] [--photo name.jpg]
var options = BenchArguments.Parse(args);
var work = Directory.CreateTempSubdirectory("vision-ops-bench-");
try
{
    var source = SourceImage.Create(work.FullName, options.Photo);
    Console.WriteLine(FormattableString.Invariant($"source: {source.Width}x{source.Height} JPEG q90, {source.Bytes.Length / 1024} KiB (from {options.Photo}); {options.Operations} operations per measurement; {Environment.ProcessorCount} cores"));
    var rows = new List<string>();
    foreach (var concurrency in options.Concurrencies)
    {
        var vips = VipsCli.Measure(source.Path, work.FullName, concurrency, options.Operations);
        var inProcess = await InProcess.MeasureAsync(source.Bytes, concurrency, options.Operations);
        rows.Add(Row("in-process", concurrency, inProcess, vips));
    }

    await using (var api = await ApiTarget.StartAsync(options.ApiUrl))
    {
        foreach (var concurrency in options.Concurrencies)
        {
            var vips = VipsCli.Measure(source.Path, work.FullName, concurrency, options.Operations);
            var throughApi = await api.MeasureAsync(source.Bytes, concurrency, options.Operations);
            rows.Add(Row($"api ({api.Description})", concurrency, throughApi, vips));
        }
    }

    Console.WriteLine();
    Console.WriteLine("| path | concurrency | ops/s | vipsthumbnail ops/s (same run) | ratio |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    rows.ForEach(Console.WriteLine);
}
finally
{
    work.Delete(recursive: true);
}

static string Row(string path, int concurrency, double opsPerSecond, double vipsOpsPerSecond) =>
    string.Create(CultureInfo.InvariantCulture, $"| {path} | {concurrency} | {opsPerSecond:0.0} | {vipsOpsPerSecond:0.0} | {opsPerSecond / vipsOpsPerSecond:0.00} |");
