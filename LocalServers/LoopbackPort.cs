using System.Net;
using System.Net.Sockets;

namespace VisionAspire.LocalServers;

public static class LoopbackPort
{
    /// <summary>
    /// A port the kernel has just handed out on 127.0.0.1 (tests use it too, for servers of their own or a port nothing
    /// listens on). DCP needs a fixed port for an endpoint without its proxy;
    /// the proxy would put one more hop in front of every cache, database and broker call.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
