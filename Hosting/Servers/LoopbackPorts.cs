using System.Net;
using System.Net.Sockets;

namespace VisionAspire.Hosting.Servers;

/// <summary>Free TCP ports on 127.0.0.1.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port the OS considers free right now. Another process may still take it before we bind;
    /// callers that fail to bind start again with a new port.
    /// </summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static int GetFreeOr(int port) => port == 0 ? GetFree() : port;
}
