using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace VisionAspire.Data.Tests.Messaging;

/// <summary>
/// Forwards loopback TCP to a server port. <see cref="Sever"/> resets every connection and stops accepting,
/// which looks to the broker exactly like a consumer process that died (and to the client like a dead network).
/// </summary>
internal sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly int _targetPort;

    private TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpProxy Start(int targetPort) => new(targetPort);

    public void Sever()
    {
        _listener.Stop();
        while (_sockets.TryTake(out var socket))
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0); // close with RST, like a killed process
            }
            catch (ObjectDisposedException)
            {
                continue;
            }

            socket.Close();
        }
    }

    public void Dispose() => Sever();

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync();
                var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort);
                _sockets.Add(client);
                _sockets.Add(upstream);
                _ = PumpAsync(client, upstream);
                _ = PumpAsync(upstream, client);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // One side went away; Sever or the peer closes the other.
        }
    }
}
