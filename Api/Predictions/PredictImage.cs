using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Extensions;
using VisionAspire.Api.Images;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Operations;
using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Shared.ModelRegistry;
using VisionAspire.Operations;
using VisionAspire.Shared;

namespace VisionAspire.Api.Predictions;

/// <summary>
/// POST /api/v1/predict: classifies one uploaded file synchronously (the classify path of POST /classify) and stores
/// it like any upload (the original, an image row of the caller with tasks=classify, deduplicated per caller), with
/// the rows the workers write for classify: the ImageNet top 5 and the CIFAR-10 label. Answers the top class.
/// </summary>
public static class PredictImage
{
    public static Task<IResult> HandleAsync(
        HttpRequest request,
        ClaimsPrincipal caller,
        UploadValidator validator,
        ImageSource sources,
        OperationExecutor executor,
        ClassifierRegistry classifiers,
        OperationLimits limits,
        ImageUploader uploader,
        PredictionRepository predictions,
        PredictionHistoryRepository history,
        IDatabase redis,
        IOptions<UploadOptions> options,
        ILoggerFactory loggers) =>
        AiProblems.GuardAsync(async () =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (form, formProblem) = await UploadForm.ReadAsync(request, options.Value, UploadImages.FilePartName, ct);
            if (form is null)
            {
                return formProblem!;
            }

            var parts = form.Files.GetFiles(UploadImages.FilePartName);
            if (parts.Count != 1)
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "One file expected",
                    $"Send exactly one multipart part named '{UploadImages.FilePartName}'; got {parts.Count}.");
            }

            var (file, rejection) = validator.Validate(UploadFileName.Sanitize(parts[0].FileName), await parts[0].ReadAllBytesAsync(ct));
            if (rejection is not null)
            {
                return ApiProblems.Of(rejection.Status, rejection.Title, rejection.Detail);
            }

            var source = new SourceImage(file!.Data, sources.CheckHeader(file.Data), null);
            ImageClassification.Result result;
            using (var lease = await classifiers.AcquireAsync(ImageClassifier.DefaultModelId, ct))
            {
                result = await executor.RunAsync(() => ImageClassification.Run(source, limits, lease.Model, ImageClassification.Cifar10Basis), ct);
            }

            var (image, created) = await uploader.StoreProcessedAsync(file, [ImageTasks.Classify], caller.UserId(), result.Width, result.Height, ct);
            var rows = Rows(image.Id, result);
            if (created)
            {
                await predictions.CompleteImageAsync(image.Id, rows, item: null, ct);
            }
            else
            {
                // The caller uploaded these bytes before, perhaps still in the pipeline: replace its classify rows, leave its status.
                await predictions.SaveAsync(image.Id, rows, markCompleted: false, ct);
                await ForgetCachedViewAsync(redis, image.Id, loggers.CreateLogger(typeof(PredictImage)));
            }

            var top = (await history.ForImageAsync(image.Id, PredictionTasks.Classification, ct))
                .First(p => p.Model == result.ModelId && p.ModelVersion == result.ModelVersion);
            return TypedResults.Ok(new PredictResponse(top.Id, image.Id, top.Label ?? "", top.Confidence ?? 0, result.ModelMs, top.ModelVersion));
        });

    /// <summary>What the workers' classify task writes: the top 5 ("classification", payload classId and rank) and the CIFAR-10 label.</summary>
    private static List<PredictionRecord> Rows(Guid imageId, ImageClassification.Result result)
    {
        var rows = result.Ranked.Take(ImageClassification.Cifar10Basis)
            .Select((c, rank) => new PredictionRecord(imageId, PredictionTasks.Classification, result.ModelId, result.ModelVersion, c.Label, c.Score,
                JsonSerializer.Serialize(new { classId = c.ClassId, rank = rank + 1 }), result.ModelMs))
            .ToList();
        if (result.Cifar10 is { } cifar)
        {
            rows.Add(new PredictionRecord(imageId, PredictionTasks.Cifar10, result.ModelId, result.ModelVersion, cifar.Label, cifar.Confidence,
                null, result.ModelMs));
        }

        return rows;
    }

    private static async Task ForgetCachedViewAsync(IDatabase redis, Guid imageId, ILogger logger)
    {
        try
        {
            await redis.KeyDeleteAsync(CacheKeys.Result(imageId));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not drop the cached view of {ImageId}; it expires on its own", imageId);
        }
    }
}
