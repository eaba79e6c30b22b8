using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>
/// The process's RabbitMQ connection, obtained on first use rather than when a consumer or publisher is built, so a
/// service starts (and answers its health probes) while the broker is unreachable. Aspire's client opens the
/// connection when <see cref="IConnection"/> is first resolved and throws once its bounded retries are spent; DI keeps
/// only a successful result, so a later <see cref="GetAsync"/> tries again. Thread-safe.
/// </summary>
public sealed class BrokerConnection
{
    private readonly Func<IConnection> _open;
    private IConnection? _connection;

    /// <param name="open">Resolves the connection; may block while connecting and throw when the broker is unreachable.</param>
    public BrokerConnection(Func<IConnection> open)
    {
        _open = open;
    }

    /// <summary>Wraps a connection that is already open.</summary>
    public BrokerConnection(IConnection connection)
        : this(() => connection)
    {
        _connection = connection;
    }

    /// <summary>Keeps crash suspects from running beside other handlers of this process's consumers.</summary>
    internal CrashSuspectGate CrashSuspects { get; } = new();

    /// <summary>The connection (which recovers by itself after it is open); throws while the broker cannot be reached.</summary>
    public async ValueTask<IConnection> GetAsync(CancellationToken ct) =>
        _connection ??= await Task.Run(_open, ct).ConfigureAwait(false);
}
