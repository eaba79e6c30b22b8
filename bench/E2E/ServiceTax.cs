using System.Globalization;

namespace VisionAspire.E2E;

/// <summary>
/// The pipeline's own cost around the models: CPU per image of every process of the topology minus the in-process
/// ceiling's CPU per image (the same analysis and inference, no services). The bench's process is left out of both
/// sides' processes: it is the client, and under the testing builder it also hosts the AppHost.
/// </summary>
public static class ServiceTax
{
    public const string ClientGroup = "bench+apphost (testing builder)";

    public static string Describe(CpuReport topology, CpuReport ceiling)
    {
        var services = topology.MsPerImage.Where(g => g.Key != ClientGroup).ToList();
        var total = services.Sum(g => g.Value);
        var models = ceiling.MsPerImage.GetValueOrDefault(ClientGroup);
        var parts = services.OrderByDescending(g => g.Value).Select(g => $"{g.Key} {F(g.Value)}");
        return $"service tax: topology {F(total)} - ceiling {F(models)} = {F(total - models)} ms CPU per image " +
               $"(topology by process: {string.Join(", ", parts)}; client+AppHost {F(topology.MsPerImage.GetValueOrDefault(ClientGroup))}, not counted)";
    }

    private static string F(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);
}
