using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>
/// Opens the process's one RabbitMQ connection on first use, retrying with back-off while the broker is
/// still starting (up to <see cref="ConnectTimeout"/>); wrong credentials fail at once. Thread-safe.
/// </summary>
internal sealed class RabbitMQConnectionProvider : IAsyncDisposable, IDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMinutes(2);

    private readonly Lazy<Task<IConnection>> _connection;

    public RabbitMQConnectionProvider(string connectionString, string clientName, ILogger logger)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
        };
        _connection = new Lazy<Task<IConnection>>(() => ConnectAsync(factory, logger));
    }

    public Lazy<Task<IConnection>> Connection => _connection;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<IConnection> ConnectAsync(ConnectionFactory factory, ILogger logger)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(ConnectTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<BrokerUnreachableException>(ex => !IsAuthenticationFailure(ex))
                    .Handle<SocketException>()
                    .Handle<ConnectFailureException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("RabbitMQ at {Endpoint} not reachable yet (attempt {Attempt}): {Reason}",
                        factory.Endpoint, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        try
        {
            return await pipeline.ExecuteAsync(async ct => await factory.CreateConnectionAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (BrokerUnreachableException ex) when (IsAuthenticationFailure(ex))
        {
            throw new InvalidOperationException($"RabbitMQ at {factory.Endpoint} rejected the credentials: {ex.InnerException?.Message}", ex);
        }
    }

    private static bool IsAuthenticationFailure(Exception ex) =>
        ex is AuthenticationFailureException || (ex.InnerException is { } inner && IsAuthenticationFailure(inner));
}
