using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VisionAspire.Bench.Stats;
using VisionAspire.Data;
using VisionAspire.TestSupport.Aspire;

// GET /api/v1/stats' database read (StatsRepository, migration 0005's rollups) at a million images, against the same
// figures computed from the tables, in one run on one server; and what the triggers cost the writes that feed them.
// dotnet run -c Release --project bench/Stats [-- --images 1000000 --reads 200]
var images = IntArgument("--images", 1_000_000);
var reads = IntArgument("--reads", 200);

await using var servers = await TestServers.StartAsync(TestServers.Postgres);
var admin = await servers.ConnectionStringAsync(TestServers.Postgres);
await using (var create = NpgsqlDataSource.Create(admin))
{
    await Seeding.ExecuteAsync(create, "CREATE DATABASE stats_bench");
}

await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = "stats_bench" }.ConnectionString);
await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);

var clock = Stopwatch.StartNew();
await Seeding.ImagesAsync(db, images);
Console.WriteLine($"seeded {await Seeding.ScalarAsync(db, "SELECT count(*) FROM images"):N0} images and "
    + $"{await Seeding.ScalarAsync(db, "SELECT count(*) FROM predictions"):N0} predictions in {clock.Elapsed.TotalSeconds:F0} s");
await Seeding.RollupsAsync(db, images);
Console.WriteLine($"rollup rows for a day: {await Seeding.ScalarAsync(db, "SELECT (SELECT count(*) FROM stats_image_outcomes) + (SELECT count(*) FROM stats_latency_minutes) + (SELECT count(*) FROM stats_model_run_minutes)"):N0}");

var stats = new StatsRepository(db);
var rollup = await TimeAsync(() => stats.ReadAsync(CancellationToken.None), reads);
var scan = await TimeAsync(() => TableScanStats.ReadAsync(db), Math.Max(3, reads / 40));
Console.WriteLine();
Console.WriteLine("| read | runs | p50 ms | p95 ms |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| StatsRepository.ReadAsync (rollups) | {reads} | {rollup.P50:F2} | {rollup.P95:F2} |");
Console.WriteLine($"| the same figures from images/predictions | {Math.Max(3, reads / 40)} | {scan.P50:F1} | {scan.P95:F1} |");
Console.WriteLine($"| ratio (p50) | | {scan.P50 / rollup.P50:F0}x | |");

await WriteCost.MeasureAsync(db);

int IntArgument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
}

static async Task<(double P50, double P95)> TimeAsync(Func<Task> read, int runs)
{
    for (var i = 0; i < Math.Min(10, runs); i++)
    {
        await read();
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await read();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[times.Count / 2], times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)]);
}
