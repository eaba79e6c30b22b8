using System.Globalization;
using VisionAspire.Imaging;
using VisionAspire.Operations.Bench;

// Decode a JPEG, resize to 720 px wide, encode JPEG q80: ops/s in-process and through the Api at concurrency 2 and
// 8, each next to vipsthumbnail on the same file in the same run, and (--sharp) next to a sharp service driven by
// the same client.
// The servers' CPU time per operation is reported where their processes are known (--api-pid, --sharp-pid, or the
// Api this bench starts).
//   dotnet run -c Release --project bench/Operations -- [--ops N] [--warmup N] [--api URL [--api-pid PID]] [--sharp URL [--sharp-pid PID]] [--photo name.jpg] [--original]
var options = BenchArguments.Parse(args);
NativeHeap.RetainWorkingBuffers(); // as the Api does, so in-process is its engine

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

    await using (var api = await ApiTarget.StartAsync(options.ApiUrl, options.ApiProcessId))
    await using (var sharp = options.SharpUrl is null ? null : await ApiTarget.StartAsync(options.SharpUrl, options.SharpProcessId))
    {
        if (sharp is not null)
        {
            // Both services warm (a freshly started Api still compiles its hot paths for its first ~100 requests,
            // and on a loaded machine its background tier-1 compilation runs on for seconds after them): one
            // unmeasured pass each at the highest concurrency.
            var warmup = options.WarmupOperations ?? options.Operations;
            await sharp.MeasureAsync(source.Bytes, options.Concurrencies.Max(), warmup);
            await api.MeasureAsync(source.Bytes, options.Concurrencies.Max(), warmup);
        }

        foreach (var concurrency in options.Concurrencies)
        {
            var vips = VipsCli.Measure(source.Path, work.FullName, concurrency, options.Operations);
            if (sharp is null)
            {
                rows.Add(Row($"api ({api.Description})", concurrency, await api.MeasureAsync(source.Bytes, concurrency, options.Operations), vips));
                continue;
            }

            // Alternated twice (sharp, api, in-process, ...) so a drift in machine speed falls on all three.
            var (ours, theirs, engine) = (new List<Measurement>(), new List<Measurement>(), new List<Measurement>());
            for (var round = 0; round < 2; round++)
            {
                theirs.Add(await sharp.MeasureAsync(source.Bytes, concurrency, options.Operations));
                ours.Add(await api.MeasureAsync(source.Bytes, concurrency, options.Operations));
                engine.Add(await InProcess.MeasureAsync(source.Bytes, concurrency, options.Operations));
            }

            var (api2, sharp2, engine2) = (Mean(ours), Mean(theirs), Mean(engine));
            rows.Add(Row($"api ({api.Description})", concurrency, api2, vips));
            rows.Add(Row("sharp service", concurrency, sharp2, vips));
            versusSharp.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {api2.OpsPerSecond:0.0} | {sharp2.OpsPerSecond:0.0} | {api2.OpsPerSecond / sharp2.OpsPerSecond:0.00} | {engine2.OpsPerSecond:0.0} | {engine2.OpsPerSecond / sharp2.OpsPerSecond:0.00} | {Cpu(api2)} | {Cpu(sharp2)} | {Cpu(engine2)} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("| path | concurrency | ops/s | vipsthumbnail ops/s (same run) | ratio | server CPU ms/op |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    rows.ForEach(Console.WriteLine);
    if (versusSharp.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("| concurrency | api ops/s | sharp service ops/s | api / sharp | in-process ops/s (same rounds) | in-process / sharp | api CPU ms/op | sharp CPU ms/op | in-process CPU ms/op |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        versusSharp.ForEach(Console.WriteLine);
    }
}
finally
{
    work.Delete(recursive: true);
}

static string Row(string path, int concurrency, Measurement measured, double vipsOpsPerSecond) =>
    string.Create(CultureInfo.InvariantCulture,
        $"| {path} | {concurrency} | {measured.OpsPerSecond:0.0} | {vipsOpsPerSecond:0.0} | {measured.OpsPerSecond / vipsOpsPerSecond:0.00} | {Cpu(measured)} |");

static Measurement Mean(IReadOnlyList<Measurement> rounds) =>
    new(rounds.Average(r => r.OpsPerSecond), rounds.All(r => r.CpuMsPerOp is not null) ? rounds.Average(r => r.CpuMsPerOp!.Value) : null);

static string Cpu(Measurement measured) =>
    measured.CpuMsPerOp is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "-";
