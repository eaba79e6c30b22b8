using System.Diagnostics;
using VisionAspire.Bench.Database;
using VisionAspire.Bench.Stats;
using VisionAspire.Data;
using VisionAspire.TestSupport.Aspire;

// GET /api/v1/stats' database read (StatsRepository, migration 0005's rollups) at a million images, against the same
// figures computed from the tables, in one run on one server; and what the triggers cost the writes that feed them.
// dotnet run -c Release --project bench/Stats [-- --images 1000000 --reads 200]
var images = BenchArguments.Int(args, "--images", 1_000_000);
var reads = BenchArguments.Int(args, "--reads", 200);

await using var servers = await TestServers.StartAsync(TestServers.Postgres);
await using var db = await ScratchDatabase.CreateAsync(servers, "stats_bench");

var clock = Stopwatch.StartNew();
await Seeding.ImagesAsync(db, images);
Console.WriteLine($"seeded {await ScratchDatabase.ScalarAsync(db, "SELECT count(*) FROM images"):N0} images and "
    + $"{await ScratchDatabase.ScalarAsync(db, "SELECT count(*) FROM predictions"):N0} predictions in {clock.Elapsed.TotalSeconds:F0} s");
await Seeding.RollupsAsync(db, images);
Console.WriteLine($"rollup rows for a day: {await ScratchDatabase.ScalarAsync(db, "SELECT (SELECT count(*) FROM stats_image_outcomes) + (SELECT count(*) FROM stats_latency_minutes) + (SELECT count(*) FROM stats_model_run_minutes)"):N0}");

var stats = new StatsRepository(db);
var rollup = await ReadLatency.MeasureAsync(() => stats.ReadAsync(CancellationToken.None), reads, warmups: 10);
var scan = await ReadLatency.MeasureAsync(() => TableScanStats.ReadAsync(db), Math.Max(3, reads / 40), warmups: 10);
Console.WriteLine();
Console.WriteLine("| read | runs | p50 ms | p95 ms |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| StatsRepository.ReadAsync (rollups) | {reads} | {rollup.P50:F2} | {rollup.P95:F2} |");
Console.WriteLine($"| the same figures from images/predictions | {Math.Max(3, reads / 40)} | {scan.P50:F1} | {scan.P95:F1} |");
Console.WriteLine($"| ratio (p50) | | {scan.P50 / rollup.P50:F0}x | |");

await WriteCost.MeasureAsync(db);
