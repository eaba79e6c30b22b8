using VisionAspire.Api.Operations;
using VisionAspire.Api.Problems;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;
using VisionAspire.Shared.ModelRegistry;

namespace VisionAspire.Api.Inference;

public static class ClassifyApi
{
    private static readonly ParameterSpec Top = ParameterSpec.Integer("top", 1, 20, "How many classes to answer, most probable first.", 5);

    private static readonly ParameterSpec Model = ParameterSpec.Text("model",
        "The id of a registered image classifier (GET /api/v1/models); it runs its active version.", ImageClassifier.DefaultModelId);

    private static readonly ClassifyResponse Example = new(new ModelResponse(ImageClassifier.DefaultModelId, "git-0447574"),
        [new("sports car, sport car", 817, 0.399f), new("racer, race car, racing car", 751, 0.219f), new("convertible", 511, 0.137f)],
        new Cifar10Response("automobile", 0.818f));

    public static RouteHandlerBuilder MapClassifyApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/classify", HandleAsync)
            .WithName("ClassifyImage")
            .WithSummary("Classify an image (SqueezeNet ImageNet-1k with a CIFAR-10 label, or a registered classifier)")
            .WithDescription("The active version of the classifier model= names (default SqueezeNet 1.0) on a copy at most 640 px a side " +
                "(stretched to the model's input size). Answers the top classes (label, class id, probability), most probable first; " +
                "for SqueezeNet also the CIFAR-10 class the workers derive from the top 5 (summed probability of the ImageNet classes " +
                "each CIFAR-10 class owns; \"none\" below 0.1). An unknown model is a 400.")
            .WithImageInput()
            .WithQueryParameters([Top, Model])
            .DisableAntiforgery()
            .WithAiProblems<ClassifyResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(
        HttpContext http, ImageSource sources, OperationExecutor executor, ClassifierRegistry classifiers, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, [Top, Model], "classify");
            var top = arguments.Int(Top) ?? 5;
            var modelId = http.Request.Query[Model.Name].ToString() is { Length: > 0 } named ? named : ImageClassifier.DefaultModelId;
            ModelLease<IImageClassifier> lease;
            try
            {
                lease = await classifiers.AcquireAsync(modelId, http.RequestAborted);
            }
            catch (UnknownModelException e)
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "Unknown model", e.Message);
            }

            using (lease)
            {
                return await http.AnswerAsync(sources, executor, source => Classify(source, limits, lease.Model, top));
            }
        });

    private static ClassifyResponse Classify(SourceImage source, OperationLimits limits, IImageClassifier classifier, int top)
    {
        var result = ImageClassification.Run(source, limits, classifier, top);
        return new ClassifyResponse(
            new ModelResponse(result.ModelId, result.ModelVersion),
            [.. result.Ranked.Take(top).Select(c => new ClassificationResponse(c.Label, c.ClassId, c.Score))],
            result.Cifar10 is { } cifar ? new Cifar10Response(cifar.Label, cifar.Confidence) : null);
    }
}
