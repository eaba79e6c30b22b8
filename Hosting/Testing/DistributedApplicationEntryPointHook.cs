using System.Reflection;

namespace VisionAspire.Hosting.Testing;

/// <summary>
/// Runs an AppHost's entry point so that its Program.cs builds the real topology, but with test options, and
/// stops it at <c>builder.Build()</c> (before <c>Run()</c> blocks): the builder is captured instead. This is what
/// Aspire.Hosting.Testing does with its host-factory hook. The hook is an AsyncLocal, so parallel tests do not meet.
/// </summary>
internal static class DistributedApplicationEntryPointHook
{
    private static readonly AsyncLocal<Hook?> Current = new();

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        if (Current.Value is not { } hook)
        {
            return new DistributedApplicationBuilder(options);
        }
        var builder = new DistributedApplicationBuilder(hook.Configure(options));
        hook.Builder = builder;
        return builder;
    }

    /// <summary>Called by Build(): inside a hooked entry point it hands over the builder and unwinds the entry point.</summary>
    public static void OnBuilding(DistributedApplicationBuilder builder)
    {
        if (Current.Value is { } hook && ReferenceEquals(hook.Builder, builder))
        {
            hook.Captured.TrySetResult(builder);
            throw new EntryPointStoppedException();
        }
    }

    public static Task<DistributedApplicationBuilder> CaptureBuilderAsync(
        Assembly assembly, string[] args, Func<DistributedApplicationOptions, DistributedApplicationOptions> configure)
    {
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");
        var hook = new Hook(configure);

        _ = Task.Run(() =>
        {
            Current.Value = hook;
            try
            {
                var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
                (result as Task)?.GetAwaiter().GetResult();
                hook.Captured.TrySetException(new InvalidOperationException(
                    $"{assembly.GetName().Name}'s entry point returned without calling builder.Build()."));
            }
            catch (TargetInvocationException e) when (e.InnerException is EntryPointStoppedException)
            {
            }
            catch (EntryPointStoppedException)
            {
            }
            catch (TargetInvocationException e)
            {
                hook.Captured.TrySetException(e.InnerException ?? e);
            }
            catch (Exception e)
            {
                hook.Captured.TrySetException(e);
            }
        });
        return hook.Captured.Task;
    }

    private sealed class Hook(Func<DistributedApplicationOptions, DistributedApplicationOptions> configure)
    {
        public Func<DistributedApplicationOptions, DistributedApplicationOptions> Configure { get; } = configure;

        public DistributedApplicationBuilder? Builder { get; set; }

        public TaskCompletionSource<DistributedApplicationBuilder> Captured { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class EntryPointStoppedException : Exception;
}
