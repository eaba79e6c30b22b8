using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;

namespace VisionAspire.Redis.Internal;

/// <summary>
/// The dedicated pub/sub connection. Each subscription gets its own queue and pump so a slow handler
/// never stalls the socket or other subscriptions; channels are subscribed again after every reconnect.
/// Thread-safe.
/// </summary>
internal sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ImmutableSubscriptionList> _channels = new(StringComparer.Ordinal);
    private readonly ConnectionSupervisor _supervisor;
    private readonly Lock _gate = new();
    private Task? _started;

    public RedisSubscriber(RedisConnectionOptions options)
    {
        _supervisor = new ConnectionSupervisor(options with { AbortOnConnectFail = false }, OnPush, ResubscribeAsync);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string channel, Func<string, string, Task> handler, CancellationToken ct)
    {
        lock (_gate)
        {
            _started ??= _supervisor.StartAsync(CancellationToken.None);
        }
        await _started.ConfigureAwait(false);

        var subscription = new Subscription(this, channel, handler);
        var isFirst = false;
        _channels.AddOrUpdate(channel,
            _ => { isFirst = true; return new ImmutableSubscriptionList([subscription]); },
            (_, list) => { isFirst = false; return list.Add(subscription); });

        if (isFirst)
        {
            try
            {
                await SendAsync(["SUBSCRIBE", channel], ct).ConfigureAwait(false);
            }
            catch
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var list in _channels.Values)
        {
            foreach (var subscription in list.Items)
            {
                subscription.Stop();
            }
        }
        _channels.Clear();
        await _supervisor.DisposeAsync().ConfigureAwait(false);
    }

    private async Task UnsubscribeAsync(Subscription subscription)
    {
        var lastOne = false;
        while (_channels.TryGetValue(subscription.Channel, out var list))
        {
            var remaining = list.Remove(subscription);
            if (remaining.Items.Length == 0 ? _channels.TryRemove(new(subscription.Channel, list)) : _channels.TryUpdate(subscription.Channel, remaining, list))
            {
                lastOne = remaining.Items.Length == 0;
                break;
            }
        }
        if (lastOne && _supervisor.Current is not null)
        {
            // Best effort: if the connection is down, the next reconnect simply does not re-subscribe.
            try
            {
                await SendAsync(["UNSUBSCRIBE", subscription.Channel], CancellationToken.None).ConfigureAwait(false);
            }
            catch (RedisException)
            {
            }
        }
    }

    private async Task SendAsync(RedisArg[] args, CancellationToken ct)
    {
        while (true)
        {
            var connection = _supervisor.Current ?? await _supervisor.WaitForConnectionAsync(ct).ConfigureAwait(false);
            var reply = connection.TrySend(args);
            if (reply is not null)
            {
                await reply.WaitAsync(ct).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task ResubscribeAsync(RedisConnection connection, CancellationToken ct)
    {
        var pending = new List<Task<RedisReply>>();
        foreach (var channel in _channels.Keys)
        {
            pending.Add(connection.TrySend(["SUBSCRIBE", channel])
                ?? throw new RedisConnectionException("Connection lost while re-subscribing."));
        }
        await Task.WhenAll(pending).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Routes "message" pushes to their subscriptions; confirmations go to the command queue.</summary>
    private bool OnPush(RedisReply reply)
    {
        if (reply.ArrayElements is not [{ BulkBytes: var kind }, { BulkBytes: { } channelBytes }, { BulkBytes: { } payload }]
            || kind is null || !kind.AsSpan().SequenceEqual("message"u8))
        {
            return false;
        }

        var channel = Encoding.UTF8.GetString(channelBytes);
        if (_channels.TryGetValue(channel, out var list))
        {
            var message = Encoding.UTF8.GetString(payload);
            foreach (var subscription in list.Items)
            {
                subscription.Enqueue(message);
            }
        }
        return true;
    }

    private sealed record ImmutableSubscriptionList(Subscription[] Items)
    {
        public ImmutableSubscriptionList Add(Subscription item) => new([.. Items, item]);

        public ImmutableSubscriptionList Remove(Subscription item) => new(Items.Where(s => s != item).ToArray());
    }

    private sealed class Subscription : IAsyncDisposable
    {
        // Set while a handler runs, so a handler that disposes its own subscription does not wait for itself.
        private static readonly AsyncLocal<Subscription?> Running = new();

        private readonly RedisSubscriber _owner;
        private readonly Func<string, string, Task> _handler;
        private readonly Channel<string> _messages = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Task _pump;
        private int _disposed;

        public Subscription(RedisSubscriber owner, string channel, Func<string, string, Task> handler)
        {
            _owner = owner;
            Channel = channel;
            _handler = handler;
            _pump = Task.Run(PumpAsync);
        }

        public string Channel { get; }

        public void Enqueue(string message) => _messages.Writer.TryWrite(message);

        public void Stop() => _messages.Writer.TryComplete();

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            await _owner.UnsubscribeAsync(this).ConfigureAwait(false);
            Stop();
            if (Running.Value != this)
            {
                await _pump.ConfigureAwait(false);
            }
        }

        private async Task PumpAsync()
        {
            Running.Value = this;
            await foreach (var message in _messages.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    await _handler(Channel, message).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A failing handler must not end the subscription; the handler owns its error reporting.
                }
            }
        }
    }
}
