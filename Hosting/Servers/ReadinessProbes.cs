using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VisionAspire.Hosting.Servers;

/// <summary>Protocol-level "are you serving clients yet" checks: a TCP accept alone is not enough for any of them.</summary>
public static class ReadinessProbes
{
    /// <summary>AUTH then PING; true on +OK and +PONG (not while Redis answers -LOADING).</summary>
    public static async Task<bool> RedisAsync(int port, string password, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        var stream = client.GetStream();
        var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), ct);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync(ct);
        var ping = await reader.ReadLineAsync(ct);
        return auth == "+OK" && ping == "+PONG";
    }

    /// <summary>
    /// Sends a protocol 3.0 StartupMessage for user postgres; true when the server asks for authentication
    /// ('R'), false while it answers with an error such as "the database system is starting up".
    /// </summary>
    public static async Task<bool> PostgresAsync(int port, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        var stream = client.GetStream();

        var parameters = Encoding.UTF8.GetBytes("user\0postgres\0database\0postgres\0\0");
        var message = new byte[8 + parameters.Length];
        BinaryPrimitives.WriteInt32BigEndian(message, message.Length);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), 3 << 16);
        parameters.CopyTo(message, 8);
        await stream.WriteAsync(message, ct);

        var type = new byte[1];
        return await stream.ReadAsync(type, ct) == 1 && type[0] == (byte)'R';
    }

    /// <summary>Sends the AMQP 0-9-1 protocol header; true when the broker answers with a method frame on channel 0 (Connection.Start).</summary>
    public static async Task<bool> AmqpAsync(int port, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);

        var header = new byte[3];
        await stream.ReadExactlyAsync(header, ct);
        return header[0] == 1 && header[1] == 0 && header[2] == 0;
    }

    /// <summary>True when GET http://127.0.0.1:port/path answers 200.</summary>
    public static async Task<bool> HttpOkAsync(int port, string path, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}", ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>True when something accepts TCP connections on the port.</summary>
    public static async Task<bool> TcpAsync(int port, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        return true;
    }

    private static async Task<TcpClient> ConnectAsync(int port, CancellationToken ct)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
