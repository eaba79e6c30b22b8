using System.Globalization;

namespace VisionAspire.Redis;

/// <summary>
/// Settings parsed from a StackExchange.Redis-shaped connection string:
/// <c>host:port[,host2:port2],password=...,user=...,ssl=false,abortConnect=false,connectTimeout=5000,defaultDatabase=0,name=...</c>.
/// Only the first endpoint is used; unknown options are ignored so strings written for other clients still work.
/// </summary>
public sealed record RedisConnectionOptions
{
    public const int DefaultPort = 6379;

    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = DefaultPort;
    public string? User { get; init; }
    public string? Password { get; init; }
    public bool Ssl { get; init; }
    public string? SslHost { get; init; }

    /// <summary>When false, connecting never throws: the client keeps retrying in the background.</summary>
    public bool AbortOnConnectFail { get; init; } = true;

    /// <summary>Time allowed for one connect attempt, and for a command to wait for a (re)connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Database { get; init; }
    public string? ClientName { get; init; }

    public string EndPoint => $"{Host}:{Port}";

    public static RedisConnectionOptions Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        var options = new RedisConnectionOptions();
        var endpointSeen = false;
        foreach (var rawPart in connectionString.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = rawPart.IndexOf('=');
            if (equals < 0)
            {
                if (!endpointSeen)
                {
                    var (host, port) = ParseEndPoint(rawPart);
                    options = options with { Host = host, Port = port };
                    endpointSeen = true;
                }
                continue;
            }

            var name = rawPart[..equals].Trim();
            var value = rawPart[(equals + 1)..].Trim();
            options = name.ToLowerInvariant() switch
            {
                "password" => options with { Password = value },
                "user" => options with { User = value },
                "ssl" => options with { Ssl = ParseBool(name, value) },
                "sslhost" => options with { SslHost = value },
                "abortconnect" => options with { AbortOnConnectFail = ParseBool(name, value) },
                "connecttimeout" => options with { ConnectTimeout = TimeSpan.FromMilliseconds(ParseInt(name, value)) },
                "defaultdatabase" => options with { Database = ParseInt(name, value) },
                "name" => options with { ClientName = value },
                _ => options,
            };
        }

        if (!endpointSeen)
        {
            throw new FormatException("The Redis connection string names no endpoint (expected 'host:port,...').");
        }
        return options;
    }

    private static (string Host, int Port) ParseEndPoint(string text)
    {
        // "[::1]:6379", "host:6379", "host"
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                throw new FormatException($"Invalid Redis endpoint '{text}'.");
            }
            var host = text[1..close];
            var rest = text[(close + 1)..];
            return (host, rest.StartsWith(':') ? ParsePort(text, rest[1..]) : DefaultPort);
        }

        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, DefaultPort) : (text[..colon], ParsePort(text, text[(colon + 1)..]));
    }

    private static int ParsePort(string endpoint, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"Invalid port in Redis endpoint '{endpoint}'.");

    private static bool ParseBool(string name, string value) =>
        bool.TryParse(value, out var result) ? result : throw new FormatException($"Redis option '{name}' expects true or false, got '{value}'.");

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new FormatException($"Redis option '{name}' expects a non-negative integer, got '{value}'.");
}
