using System.Net;
using System.Net.Sockets;

namespace VisionAspire.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (for "server unreachable" tests and test-owned servers).</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
