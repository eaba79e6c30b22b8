namespace VisionAspire.Redis.Internal;

/// <summary>
/// Keeps one <see cref="RedisConnection"/> alive: when it breaks, reconnects with jittered exponential
/// back-off (50 ms doubling to 5 s) until disposed. Commands issued meanwhile wait for the next connection
/// up to <see cref="RedisConnectionOptions.ConnectTimeout"/>. Thread-safe.
/// </summary>
internal sealed class ConnectionSupervisor : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly RedisConnectionOptions _options;
    private readonly Func<RedisReply, bool>? _pushHandler;
    private readonly Func<RedisConnection, CancellationToken, Task>? _onConnected;
    private readonly CancellationTokenSource _disposing = new();
    private TaskCompletionSource<RedisConnection> _ready = NewReadySignal();
    private volatile RedisConnection? _current;
    private volatile Exception? _lastError;

    /// <param name="onConnected">Runs on every new connection before commands may use it (re-subscribing, for example).</param>
    public ConnectionSupervisor(RedisConnectionOptions options, Func<RedisReply, bool>? pushHandler = null,
        Func<RedisConnection, CancellationToken, Task>? onConnected = null)
    {
        _options = options;
        _pushHandler = pushHandler;
        _onConnected = onConnected;
    }

    /// <summary>The live connection, or null while (re)connecting.</summary>
    public RedisConnection? Current => _current is { IsBroken: false } connection ? connection : null;

    /// <summary>
    /// First connection. With <see cref="RedisConnectionOptions.AbortOnConnectFail"/> a failure throws;
    /// otherwise it is retried in the background and this returns at once.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await ActivateAsync(await OpenAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_options.AbortOnConnectFail && !ct.IsCancellationRequested)
        {
            _lastError = ex;
            _ = ReconnectAsync();
        }
    }

    /// <summary>Starts connecting without waiting; failures are retried like reconnects.</summary>
    public void StartInBackground() => _ = ReconnectAsync();

    /// <summary>Waits for a usable connection, or throws <see cref="RedisConnectionException"/> after the connect timeout.</summary>
    public async Task<RedisConnection> WaitForConnectionAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _options.ConnectTimeout;
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw NoConnection();
            }

            var ready = Volatile.Read(ref _ready).Task;
            RedisConnection connection;
            try
            {
                connection = await ready.WaitAsync(remaining, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw NoConnection();
            }

            if (!connection.IsBroken)
            {
                return connection;
            }
            // Broken but not yet replaced by the monitor: give it a moment to swap in a fresh signal.
            await Task.Delay(10, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }
        _disposing.Cancel();
        Volatile.Read(ref _ready).TrySetException(new ObjectDisposedException(nameof(RedisClient)));
        if (_current is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private RedisConnectionException NoConnection() => new(
        $"No connection to Redis at {_options.EndPoint} within {_options.ConnectTimeout.TotalMilliseconds:0} ms" +
        (_lastError is null ? "." : $": {_lastError.Message}"), _lastError);

    private Task<RedisConnection> OpenAsync(CancellationToken ct) => RedisConnection.ConnectAsync(_options, _pushHandler, ct);

    private async Task ActivateAsync(RedisConnection connection)
    {
        if (_onConnected is not null)
        {
            try
            {
                await _onConnected(connection, _disposing.Token).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        _current = connection;
        if (_disposing.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }
        _lastError = null;
        Volatile.Read(ref _ready).TrySetResult(connection);
        _ = MonitorAsync(connection);
    }

    private async Task MonitorAsync(RedisConnection connection)
    {
        var reason = await connection.Closed.ConfigureAwait(false);
        if (_disposing.IsCancellationRequested)
        {
            return;
        }
        _lastError = reason;
        _current = null;
        Volatile.Write(ref _ready, NewReadySignal());
        await ReconnectAsync().ConfigureAwait(false);
    }

    private async Task ReconnectAsync()
    {
        var delay = FirstRetryDelay;
        while (!_disposing.IsCancellationRequested)
        {
            try
            {
                await ActivateAsync(await OpenAsync(_disposing.Token).ConfigureAwait(false)).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!_disposing.IsCancellationRequested)
            {
                _lastError = ex;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var jitter = Random.Shared.NextDouble() * 0.5 + 0.75;
                await Task.Delay(delay * jitter, _disposing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private static TaskCompletionSource<RedisConnection> NewReadySignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
