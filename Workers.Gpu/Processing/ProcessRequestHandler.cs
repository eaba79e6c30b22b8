using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Messaging;
using VisionAspire.Operations;
using VisionAspire.Shared;
using VisionAspire.Storage;

namespace VisionAspire.Workers.Gpu.Processing;

/// <summary>
/// Runs one pipeline item: answers from storage when the derived image exists (a repeated spec or a redelivery),
/// otherwise decodes the original, runs the operations within the timeout, stores the result under the spec's key
/// and completes the job item. Bad input (invalid spec, corrupt or oversized image, timeout) fails the item and the
/// message is acked; infrastructure errors throw, so the consumer retries. Thread-safe.
/// </summary>
public sealed class ProcessRequestHandler(
    IObjectStore store,
    OriginalImageSource originals,
    JobRepository jobs,
    ImageProcessor processor,
    ProcessingRunner runner,
    OperationLimits limits,
    ILogger<ProcessRequestHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(ProcessRequestedV1 message, CancellationToken ct)
    {
        var hash = ProcessedImages.HashOfKey(message.OutputKey);
        var existing = await store.GetAsync(message.OutputKey, ct);
        if (existing is not null)
        {
            await CompleteAsync(message, new ProcessingResult(message.OutputKey, ProcessedImages.Url(hash), existing.ContentType,
                existing.Data.LongLength, null, null, Cached: true), ct);
            return;
        }

        ProcessingPlan plan;
        try
        {
            plan = ProcessingPlan.Parse(message.Operations, limits);
        }
        catch (ParameterException ex)
        {
            await FailAsync(message, $"{ex.Field} {ex.Message}", ct);
            return;
        }

        var source = await originals.ReadAsync(message.ImageId, message.SourceKey, ct);
        if (source is null)
        {
            await FailAsync(message, $"The original of image '{message.ImageId}' is not in the object store.", ct);
            return;
        }

        ProcessedImage result;
        try
        {
            result = await runner.RunAsync(token => processor.Process(source, plan, token), ct);
        }
        catch (Exception ex) when (ex is ImagingException or ParameterException or ProcessingTimeoutException or ArgumentException)
        {
            logger.LogInformation("Pipeline item {Job}/{Index} failed: {Reason}", message.JobId, message.ItemIndex, ex.Message);
            await FailAsync(message, ex is ParameterException p ? $"{p.Field} {p.Message}" : ex.Message, ct);
            return;
        }

        await store.PutAsync(message.OutputKey, result.Data, result.ContentType, ct);
        await CompleteAsync(message, new ProcessingResult(message.OutputKey, ProcessedImages.Url(hash), result.ContentType,
            result.Data.LongLength, result.Width, result.Height, Cached: false), ct);
    }

    private Task CompleteAsync(ProcessRequestedV1 message, ProcessingResult result, CancellationToken ct) =>
        RecordAsync(message, JsonSerializer.Serialize(result, Json), null, ct);

    private Task FailAsync(ProcessRequestedV1 message, string error, CancellationToken ct) => RecordAsync(message, null, error, ct);

    private async Task RecordAsync(ProcessRequestedV1 message, string? resultJson, string? error, CancellationToken ct)
    {
        try
        {
            await jobs.CompleteItemAsync(message.JobId, message.ItemIndex, message.ImageId, resultJson, error, ct);
        }
        catch (KeyNotFoundException ex)
        {
            throw new PermanentMessageException($"Job {message.JobId} item {message.ItemIndex} does not exist.", ex);
        }
    }
}
