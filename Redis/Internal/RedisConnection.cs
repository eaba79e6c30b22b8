using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;

namespace VisionAspire.Redis.Internal;

/// <summary>
/// One socket to Redis. Callers write commands into an outbound pipe under a short lock, in the same order
/// as they queue their completion; a send loop flushes whatever has accumulated in one write (pipelining),
/// and a receive loop completes the queued completions in FIFO order. Once broken it stays broken:
/// every pending command fails with <see cref="RedisConnectionException"/> and the owner reconnects.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private static readonly PipeOptions OutboundOptions = new(
        pauseWriterThreshold: 0, // never blocks writers: they hold a lock while writing
        resumeWriterThreshold: 0,
        minimumSegmentSize: 16 * 1024,
        useSynchronizationContext: false);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly string _endPoint;
    private readonly Func<RedisReply, bool>? _pushHandler;
    private readonly Pipe _outbound = new(OutboundOptions);
    private readonly PipeReader _inbound;
    private readonly ConcurrentQueue<TaskCompletionSource<RedisReply>> _pending = new();
    private readonly Lock _writeLock = new();
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _broken;

    private RedisConnection(Socket socket, Stream stream, string endPoint, Func<RedisReply, bool>? pushHandler)
    {
        _socket = socket;
        _stream = stream;
        _endPoint = endPoint;
        _pushHandler = pushHandler;
        _inbound = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
    }

    /// <summary>Completes, with the reason, once the connection is broken or disposed.</summary>
    public Task<Exception> Closed => _closed.Task;

    public bool IsBroken => Volatile.Read(ref _broken);

    /// <summary>
    /// Opens the socket, authenticates and selects the database.
    /// <paramref name="pushHandler"/> sees every reply first and returns true for out-of-band
    /// messages (pub/sub), which then do not complete a command.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(RedisConnectionOptions options, Func<RedisReply, bool>? pushHandler, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ConnectTimeout);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        RedisConnection? connection = null;
        try
        {
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new RedisConnectionException($"Connecting to Redis at {options.EndPoint} timed out after {options.ConnectTimeout.TotalMilliseconds:0} ms.");
            }
            catch (SocketException ex)
            {
                throw new RedisConnectionException($"Cannot connect to Redis at {options.EndPoint}: {ex.Message}", ex);
            }

            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.SslHost ?? options.Host }, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }

            connection = new RedisConnection(socket, stream, options.EndPoint, pushHandler);
            connection.Start();
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }
            throw;
        }
    }

    /// <summary>Queues a command; null when the connection is already broken (the caller retries on the next one).</summary>
    public Task<RedisReply>? TrySend(ReadOnlySpan<RedisArg> args)
    {
        var completion = new TaskCompletionSource<RedisReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_writeLock)
        {
            if (_broken)
            {
                return null;
            }
            _pending.Enqueue(completion);
            RespWriter.WriteCommand(_outbound.Writer, args);
            // Completes synchronously: the pipe has no back-pressure. It only wakes the send loop.
            _outbound.Writer.FlushAsync().GetAwaiter().GetResult();
        }
        return completion.Task;
    }

    public ValueTask DisposeAsync()
    {
        Fail(new ObjectDisposedException(nameof(RedisConnection)));
        return ValueTask.CompletedTask;
    }

    private void Start()
    {
        _ = Task.Run(SendLoopAsync);
        _ = Task.Run(ReceiveLoopAsync);
    }

    private async Task HandshakeAsync(RedisConnectionOptions options, CancellationToken ct)
    {
        if (options.Password is not null)
        {
            try
            {
                await SendOrThrow(options.User is null ? ["AUTH", options.Password] : ["AUTH", options.User, options.Password], ct).ConfigureAwait(false);
            }
            catch (RedisServerException ex)
            {
                throw new RedisAuthenticationException($"Redis at {options.EndPoint} rejected the password: {ex.Message}", ex);
            }
        }
        if (options.Database != 0)
        {
            await SendOrThrow(["SELECT", options.Database], ct).ConfigureAwait(false);
        }
        if (options.ClientName is not null)
        {
            await SendOrThrow(["CLIENT", "SETNAME", options.ClientName], ct).ConfigureAwait(false);
        }
    }

    private Task<RedisReply> SendOrThrow(ReadOnlySpan<RedisArg> args, CancellationToken ct) =>
        (TrySend(args) ?? throw new RedisConnectionException($"Connection to Redis at {_endPoint} closed during the handshake.")).WaitAsync(ct);

    private async Task SendLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }
                if (_stream is SslStream)
                {
                    await _stream.FlushAsync().ConfigureAwait(false);
                }
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        Exception reason;
        try
        {
            var replies = new RespReader(_inbound);
            Action<RedisReply> dispatch = Dispatch;
            while (await replies.ReadAsync(dispatch).ConfigureAwait(false))
            {
            }
            reason = new RedisConnectionException($"Redis at {_endPoint} closed the connection.");
        }
        catch (Exception ex)
        {
            reason = ex;
        }
        Fail(reason);
        await _inbound.CompleteAsync().ConfigureAwait(false);
    }

    private void Dispatch(RedisReply reply)
    {
        if (_pushHandler is not null && _pushHandler(reply))
        {
            return;
        }
        if (!_pending.TryDequeue(out var completion))
        {
            throw new RedisProtocolException($"Redis at {_endPoint} sent a reply nobody asked for: {reply}");
        }
        if (reply.Type == RedisReplyType.Error)
        {
            completion.TrySetException(new RedisServerException(reply.ErrorMessage!));
        }
        else
        {
            completion.TrySetResult(reply);
        }
    }

    private void Fail(Exception reason)
    {
        lock (_writeLock)
        {
            if (_broken)
            {
                return;
            }
            Volatile.Write(ref _broken, true);
        }

        _outbound.Writer.Complete();
        _stream.Dispose();
        _socket.Dispose();

        var error = reason as RedisConnectionException
            ?? new RedisConnectionException($"Connection to Redis at {_endPoint} was lost: {reason.Message}", reason);
        while (_pending.TryDequeue(out var completion))
        {
            completion.TrySetException(error);
        }
        _closed.TrySetResult(error);
    }
}
