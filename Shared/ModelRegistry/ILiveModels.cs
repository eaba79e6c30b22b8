namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// Models this process serves by their active registry version and can switch without a restart (the classifiers,
/// the face embedder). <see cref="ModelActivationListener"/> calls every one on an activation and at each reconcile.
/// </summary>
public interface ILiveModels
{
    /// <summary>Switches <paramref name="modelId"/> to its active version when this source serves it and has it loaded.</summary>
    Task RefreshAsync(string modelId, CancellationToken ct);

    /// <summary>Refreshes every loaded model; one that fails to load keeps its current version (logged).</summary>
    Task RefreshAllAsync(CancellationToken ct);
}
