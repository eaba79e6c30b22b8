using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

public static class ClassifyApi
{
    private static readonly ParameterSpec Top = ParameterSpec.Integer("top", 1, 20, "How many ImageNet classes to answer, most probable first.", 5);

    private static readonly ClassifyResponse Example = new(new ModelResponse(ImageClassifier.DefaultModelId, "git-0447574"),
        [new("sports car, sport car", 817, 0.399f), new("racer, race car, racing car", 751, 0.219f), new("convertible", 511, 0.137f)],
        new Cifar10Response("automobile", 0.818f));

    public static RouteHandlerBuilder MapClassifyApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/classify", HandleAsync)
            .WithName("ClassifyImage")
            .WithSummary("Classify an image (SqueezeNet ImageNet-1k, with a CIFAR-10 label)")
            .WithDescription("SqueezeNet 1.0 on a copy at most 640 px a side (stretched to 224). Answers the top ImageNet-1k classes " +
                "(label, class id, probability), most probable first, and the CIFAR-10 class the workers derive from the top 5 " +
                "(summed probability of the ImageNet classes each CIFAR-10 class owns; \"none\" below 0.1).")
            .WithImageInput()
            .WithQueryParameters([Top])
            .DisableAntiforgery()
            .WithAiProblems<ClassifyResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, OperationExecutor executor, AiModels models, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, [Top], "classify");
            var top = arguments.Int(Top) ?? 5;
            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            var response = await executor.RunAsync(() => Classify(source, limits, models, top), http.RequestAborted);
            return TypedResults.Ok(response);
        });

    private static ClassifyResponse Classify(SourceImage source, OperationLimits limits, AiModels models, int top)
    {
        var result = ImageClassification.Run(source, limits, models, top);
        return new ClassifyResponse(
            ModelResponse.Of(result.Model),
            [.. result.Ranked.Take(top).Select(c => new ClassificationResponse(c.Label, c.ClassId, c.Score))],
            new Cifar10Response(result.Cifar10.Label, result.Cifar10.Confidence));
    }
}
