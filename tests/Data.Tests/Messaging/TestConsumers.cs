using System.Collections.Concurrent;
using RabbitMQ.Client;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

/// <summary>A consumer whose behaviour each test supplies; records every call.</summary>
internal sealed class DelegateConsumer(
    IConnection connection, string queue, Func<ImageUploadedV1, int, Task> handle, int maxAttempts = 3, ushort concurrency = 1,
    TimeSpan? outageBudget = null)
    : QueueConsumer<ImageUploadedV1>(new BrokerConnection(connection), new ListLogger())
{
    private int _calls;

    public ConcurrentQueue<ImageUploadedV1> Handled { get; } = new();

    public int Calls => _calls;

    public ListLogger Log => (ListLogger)Logger;

    protected override string QueueName => queue;

    protected override int MaxAttempts => maxAttempts;

    protected override ushort ConcurrentHandlers => concurrency;

    protected override TimeSpan RetryDelay(int failedAttempt) => TimeSpan.Zero;

    protected override bool IsBackendOutage(Exception error) => error is TestOutageException;

    protected override TimeSpan OutageBudget => outageBudget ?? base.OutageBudget;

    protected override TimeSpan OutageFirstDelay => TimeSpan.FromMilliseconds(20);

    protected override TimeSpan OutageMaxDelay => TimeSpan.FromMilliseconds(80);

    protected override async Task HandleAsync(ImageUploadedV1 message, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        await handle(message, call);
        Handled.Enqueue(message);
    }
}

internal sealed class DelegateBatchConsumer(BrokerConnection broker, string queue, Func<IReadOnlyList<ImageUploadedV1>, Task> handle)
    : QueueBatchConsumer<ImageUploadedV1>(broker, new ListLogger())
{
    public DelegateBatchConsumer(IConnection connection, string queue, Func<IReadOnlyList<ImageUploadedV1>, Task> handle)
        : this(new BrokerConnection(connection), queue, handle)
    {
    }

    public ConcurrentQueue<IReadOnlyList<ImageUploadedV1>> Batches { get; } = new();

    public ListLogger Log => (ListLogger)Logger;

    protected override string QueueName => queue;

    protected override int BatchSize => 4;

    protected override TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(300);

    protected override int MaxAttempts => 2;

    protected override TimeSpan RetryDelay(int failedAttempt) => TimeSpan.Zero;

    protected override bool IsBackendOutage(Exception error) => error is TestOutageException;

    protected override TimeSpan OutageFirstDelay => TimeSpan.FromMilliseconds(20);

    protected override TimeSpan OutageMaxDelay => TimeSpan.FromMilliseconds(80);

    protected override async Task HandleBatchAsync(IReadOnlyList<ImageUploadedV1> messages, CancellationToken ct)
    {
        Batches.Enqueue(messages);
        await handle(messages);
    }
}

/// <summary>What the test consumers take for a backend outage (the services' consumers recognise Npgsql, Redis and S3 ones).</summary>
internal sealed class TestOutageException(string message) : Exception(message);

internal static class Messages
{
    public static ImageUploadedV1 Uploaded() =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"originals/{Guid.NewGuid():N}", new string('a', 64), "image/jpeg", DateTimeOffset.UtcNow);
}
