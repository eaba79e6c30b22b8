namespace VisionAspire.Hosting;

/// <summary>
/// The current snapshot of every resource instance, and waits on their changes (like Aspire's
/// ResourceNotificationService). Thread-safe.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _instances = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every instance, in the order they were first published.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_gate)
        {
            return [.. _instances.Values];
        }
    }

    /// <summary>The instances of one resource (one per replica).</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots(string resourceName) =>
        [.. GetSnapshots().Where(s => string.Equals(s.ResourceName, resourceName, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Waits until every instance of the resource is Running and healthy.</summary>
    /// <exception cref="DistributedApplicationException">An instance failed to start, or the resource does not exist.</exception>
    public Task WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, s => s.State == ResourceState.Running && s.Health == HealthStatus.Healthy, cancellationToken);

    /// <summary>Waits until every instance of the resource is in <paramref name="state"/>.</summary>
    public Task WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, s => s.State == state, cancellationToken);

    /// <summary>Waits until <paramref name="predicate"/> holds for every instance of the resource.</summary>
    public async Task WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var instances = GetSnapshots(resourceName);
            if (instances.Count == 0)
            {
                throw new DistributedApplicationException($"No resource named '{resourceName}'.");
            }
            if (instances.All(predicate))
            {
                return;
            }
            if (instances.FirstOrDefault(i => i.State == ResourceState.FailedToStart && !predicate(i)) is { } failed)
            {
                throw new DistributedApplicationException($"{failed.Name} failed to start: {failed.Error}");
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _instances[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.SetResult();
    }
}
