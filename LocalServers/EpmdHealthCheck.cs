using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VisionAspire.LocalServers;

/// <summary>
/// Healthy once epmd on 127.0.0.1:port answers a NAMES_REQ (a bare connect-and-close would be logged by epmd as an
/// error every time the check runs).
/// </summary>
internal sealed class EpmdHealthCheck(int port) : IHealthCheck
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(NamesRequest, cancellationToken);
            var portBytes = new byte[4];
            await stream.ReadExactlyAsync(portBytes, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return HealthCheckResult.Unhealthy($"epmd on 127.0.0.1:{port} does not answer", e);
        }
    }
}
