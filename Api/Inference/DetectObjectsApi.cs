using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

public static class DetectObjectsApi
{
    public const string ClassesField = "classes";

    private static readonly ParameterSpec MinScore = ParameterSpec.Number("minScore", 0, 1,
        $"Least score (objectness × class probability) of a reported object; the detector never reports below {AiModels.ObjectScoreFloor}.", 0.3);

    private static readonly ParameterSpec[] Accepted = [MinScore, ParameterSpec.Choice(ClassesField, [], "COCO-80 class names.")];

    private static readonly DetectObjectsResponse Example = new(810, 1080, new ModelResponse(ObjectDetector.DefaultModelId, "git-0f785c0"),
    [
        new("bus", 5, 0.905f, new BoxResponse(10.8f, 230.3f, 793.9f, 502.3f)),
        new("person", 0, 0.853f, new BoxResponse(56.2f, 386f, 154.8f, 518f)),
    ]);

    public static RouteHandlerBuilder MapDetectObjectsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/detect-objects", HandleAsync)
            .WithName("DetectObjects")
            .WithSummary("Detect COCO-80 objects (YOLOX-nano)")
            .WithDescription("YOLOX-nano on a copy at most 640 px a side (letterboxed to 416). Answers every object from minScore on, " +
                "highest score first, with its COCO-80 label and class id and its box in the upright original's pixels; " +
                "classes keeps only the named classes (an unknown name is a 400 naming it).")
            .WithImageInput()
            .WithQueryParameters([MinScore])
            .WithListParameter(ClassesField, "Only these COCO-80 classes, comma-separated (e.g. car,person); all when absent.", null, "car,person")
            .DisableAntiforgery()
            .WithAiProblems<DetectObjectsResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, OperationExecutor executor, AiModels models, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, Accepted, "detect-objects");
            var minScore = (float)(arguments.Number(MinScore) ?? 0.3);
            var classes = ParseClasses(AiQuery.List(http.Request, ClassesField), models.ObjectLabels);
            return await http.AnswerAsync(sources, executor, source => Detect(source, limits, models, minScore, classes));
        });

    private static DetectObjectsResponse Detect(SourceImage source, OperationLimits limits, AiModels models, float minScore, HashSet<int>? classes)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.ObjectSize);
        var detector = models.Objects;
        var objects = models.Run(detector.Model, () => detector.Detect(copy.Pixels))
            .Where(o => o.Score >= minScore && (classes is null || classes.Contains(o.ClassId)))
            .OrderByDescending(o => o.Score)
            .Select(o => new DetectedObjectResponse(o.Label, o.ClassId, o.Score, BoxResponse.Of(copy.ToOriginal(o.Box))))
            .ToList();
        return new DetectObjectsResponse(copy.OriginalWidth, copy.OriginalHeight, ModelResponse.Of(detector.Model), objects);
    }

    /// <summary>The class ids of a comma-separated list of names (case-insensitive); null keeps every class.</summary>
    private static HashSet<int>? ParseClasses(string? list, IReadOnlyList<string> labels)
    {
        if (list is null)
        {
            return null;
        }

        var ids = new HashSet<int>();
        foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var id = labels.ToList().FindIndex(label => label.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (id < 0)
            {
                throw new ParameterException(ClassesField, $"has '{name}', which is not a COCO-80 class; known classes: {string.Join(", ", labels)}.");
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ids : throw new ParameterException(ClassesField, "must name at least one COCO-80 class, e.g. car,person.");
    }
}
