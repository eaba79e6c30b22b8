using VisionAspire.E2E;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

// End-to-end benchmark: N uploads at concurrency C through the running topology, next to the in-process ceiling;
// optionally an open-loop run at a fixed offered load, with a fault injected into it.
var options = BenchOptions.Parse(args);
var workload = Workload.Build(options.ImagesDirectory, options.Count);
Console.WriteLine($"{workload.Count} uploads from {options.ImagesDirectory}, concurrency {options.Concurrency}, {Environment.ProcessorCount} cores");
if (options.CeilingOnly)
{
    var (alone, _) = CeilingRun.Run(Workload.Build(options.ImagesDirectory, options.Warmup), workload);
    Console.WriteLine($"in-process ceiling: {alone:F2} images/s");
    return;
}

if (options.Fault is not null && (options.ApiUrl is not null || options.Rate is null))
{
    Console.Error.WriteLine("--fault needs --rate and a topology the bench starts itself (no --url)");
    Environment.Exit(2);
}

TestAppHost? host = null;
HttpClient api;
if (options.ApiUrl is { } url)
{
    api = new HttpClient { BaseAddress = url };
    api.DefaultRequestHeaders.Add("X-Api-Key", Environment.GetEnvironmentVariable("VISION_API_KEY") ?? "");
}
else
{
    host = await TestAppHost.StartAsync<Projects.AppHost>(["api", "preprocessor", "workers"], builder =>
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            foreach (var (name, value) in options.ServiceEnvironment)
            {
                TestAppHost.SetEnvironment(builder, service.Name, name, value);
            }
        }
    });
    Console.WriteLine($"services' extra environment: {string.Join(' ', options.ServiceEnvironment.Select(p => $"{p.Key}={p.Value}"))}");
    api = host.CreateApiClient();
}

api.Timeout = TimeSpan.FromMinutes(5);
try
{
    // Warm-up with other bytes, so the figures are the steady state: on 2 cores the four .NET services keep
    // tier-1 compiling for hundreds of images (after 160 it still took ~11 ms of CPU per image, after 500 under 1).
    var warmup = Workload.Build(options.ImagesDirectory, options.Warmup);
    if (warmup.Count > 0)
    {
        await EndToEndRun.RunAsync(api, warmup, options.Concurrency);
    }

    if (options.Tasks is { } tasks)
    {
        // The tasks' models (OCR, YuNet, plates) load on first use: warm them up too.
        await EndToEndRun.RunAsync(api, Workload.Build(options.ImagesDirectory, Math.Min(options.Warmup, options.Count)), options.Concurrency, tasks);
        Console.WriteLine($"warm-up of {options.Warmup} (and {Math.Min(options.Warmup, options.Count)} with tasks={tasks}) done; measuring");
        await TaskComparisonRun.RunAsync(api, options, tasks);
        return;
    }

    using var stopCensus = new CancellationTokenSource();
    var census = options.Census ? StatusCensus.RunAsync(api, TimeSpan.FromSeconds(2), stopCensus.Token) : Task.CompletedTask;
    Console.WriteLine($"warm-up of {options.Warmup} done; measuring");
    var cpu = CpuCensus.Start();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var e2e = await EndToEndRun.RunAsync(api, workload, options.Concurrency);
    var cpuReport = cpu.Report(workload.Count, clock.Elapsed);
    Console.WriteLine($"end-to-end: {e2e.Completed} completed, {e2e.Failed} failed, {e2e.ImagesPerSecond:F2} images/s, p50 {e2e.P50Ms:F0} ms, p95 {e2e.P95Ms:F0} ms");
    Console.WriteLine(cpuReport);

    if (options.Rate is { } rate)
    {
        var offered = Workload.Build(options.ImagesDirectory, (int)Math.Round(rate * options.Duration));
        var faultAt = Task.FromResult(DateTimeOffset.MaxValue);
        var run = await OpenLoopRun.RunAsync(api, offered, rate, options.Fault is { } fault
            ? () => faultAt = FaultInjector.InjectAsync(host!, fault, TimeSpan.FromSeconds(options.Duration / 3))
            : null);
        Console.WriteLine(LatencyReport.Describe(run));
        if (options.Fault is not null)
        {
            Console.WriteLine(LatencyReport.DescribeRecovery(run, await faultAt));
        }
    }

    await stopCensus.CancelAsync();
    await census;
    if (host is not null)
    {
        await host.App.StopAsync();   // the ceiling gets the cores to itself, as a lone process would
    }

    if (!options.SkipCeiling)
    {
        var (ceiling, ceilingCpu) = CeilingRun.Run(warmup, workload);
        Console.WriteLine($"in-process ceiling: {ceiling:F2} images/s");
        Console.WriteLine($"ratio end-to-end / ceiling: {e2e.ImagesPerSecond / ceiling:F2}");
        Console.WriteLine(ServiceTax.Describe(cpuReport, ceilingCpu));
    }
}
finally
{
    api.Dispose();
    if (host is not null)
    {
        await host.DisposeAsync();
    }
}
