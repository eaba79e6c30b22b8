using System.Diagnostics;
using VisionAspire.Bench.Database;
using VisionAspire.Bench.History;
using VisionAspire.Data;
using VisionAspire.TestSupport.Aspire;

// GET /api/v1/predictions' database work (PredictionHistoryRepository.ListAsync: the total and one page) for a user with a
// million predictions, on page 1 and on deep pages, with migration 0009's owner indexes and then, in the same run on the
// same server, without them (the baseline). Prints EXPLAIN ANALYZE of the page statement.
// dotnet run -c Release --project bench/History [-- --rows 1000000 --reads 50]
var rows = BenchArguments.Int(args, "--rows", 1_000_000);
var reads = BenchArguments.Int(args, "--reads", 50);

await using var servers = await TestServers.StartAsync(TestServers.Postgres);
await using var db = await ScratchDatabase.CreateAsync(servers, "history_bench");

var clock = Stopwatch.StartNew();
var (user, others) = await Seeding.PredictionsAsync(db, rows);
Console.WriteLine($"seeded {await ScratchDatabase.ScalarAsync(db, "SELECT count(*) FROM predictions"):N0} predictions "
    + $"({await ScratchDatabase.ScalarAsync(db, $"SELECT count(*) FROM predictions WHERE user_id = '{user}'"):N0} of the measured user, the rest of {others} others) "
    + $"in {clock.Elapsed.TotalSeconds:F0} s");

var history = new PredictionHistoryRepository(db);
const int limit = 20;
var lastPage = (int)Math.Ceiling(rows / (double)limit);
PredictionHistoryQuery[] queries =
[
    new(user, 1, limit),
    new(user, lastPage / 2, limit),
    new(user, lastPage, limit),
    new(user, 1, limit, "cifar10"),
    new(user, 1, limit, From: DateTimeOffset.UtcNow.AddDays(-2), To: DateTimeOffset.UtcNow.AddDays(-1)),
];

Console.WriteLine();
foreach (var query in new[] { queries[0], queries[2] })
{
    Console.WriteLine($"EXPLAIN ANALYZE, page {query.Page} of {limit}:");
    Console.WriteLine(await Seeding.ExplainAsync(db, query));
}

var indexed = new List<(double P50, double P95)>();
foreach (var query in queries)
{
    indexed.Add(await ReadLatency.MeasureAsync(() => history.ListAsync(query, CancellationToken.None), reads, warmups: 3));
}

// The baseline: the same statements once 0009's owner indexes are gone (what the history would cost without them).
await ScratchDatabase.ExecuteAsync(db, "DROP INDEX predictions_owner_created_at_idx, predictions_owner_task_created_at_idx");
await ScratchDatabase.ExecuteAsync(db, "ANALYZE predictions");
var baseline = new List<(double P50, double P95)>();
foreach (var query in queries)
{
    baseline.Add(await ReadLatency.MeasureAsync(() => history.ListAsync(query, CancellationToken.None), Math.Max(3, reads / 10), warmups: 3));
}

Console.WriteLine();
Console.WriteLine("| request (limit 20) | with the owner indexes p50 / p95 ms | without them p50 / p95 ms | ratio (p50) |");
Console.WriteLine("|---|---|---|---|");
string[] names = ["page 1", $"page {lastPage / 2} (offset {(lastPage / 2 - 1) * limit:N0})", $"page {lastPage} (last)", "page 1, task=cifar10", "page 1, one day (from/to)"];
for (var i = 0; i < queries.Length; i++)
{
    Console.WriteLine($"| {names[i]} | {indexed[i].P50:F1} / {indexed[i].P95:F1} | {baseline[i].P50:F0} / {baseline[i].P95:F0} | {baseline[i].P50 / indexed[i].P50:F0}x |");
}
