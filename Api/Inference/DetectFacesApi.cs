using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

public static class DetectFacesApi
{
    private static readonly ParameterSpec Detector = ParameterSpec.Choice("detector", FaceDetectorKinds.Names,
        "yunet: YuNet 2023mar (boxes, scores and five landmarks); ultraface: UltraFace RFB-320 (boxes and scores, faster on large faces).",
        FaceDetectorKinds.YuNet);

    private static readonly DetectFacesResponse Example = new(1024, 768, FaceDetectorKinds.YuNet, new ModelResponse(YuNetDetector.DefaultModelId, "git-2b5e61d"),
    [
        new(new BoxResponse(508.3f, 118.6f, 122.1f, 154.2f), 0.946f,
            [new(536.2f, 185.2f), new(589.2f, 184.8f), new(559.6f, 216.9f), new(542.2f, 238.6f), new(587.1f, 234.1f)]),
    ]);

    public static RouteHandlerBuilder MapDetectFacesApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/detect-faces", HandleAsync)
            .WithName("DetectFaces")
            .WithSummary("Detect faces (YuNet or UltraFace)")
            .WithDescription("Runs the chosen face detector on a copy at most 1280 px a side. Answers each face's box (upright original pixels) " +
                "and score, highest score first; YuNet also gives five landmarks: left-most eye, right-most eye, nose tip, " +
                "left and right mouth corner as seen in the image.")
            .WithImageInput()
            .WithQueryParameters([Detector])
            .DisableAntiforgery()
            .WithAiProblems<DetectFacesResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, OperationExecutor executor, AiModels models, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, [Detector], "detect-faces");
            var name = arguments.Choice(Detector) ?? FaceDetectorKinds.YuNet;
            return await http.AnswerAsync(sources, executor, source => Detect(source, limits, models, name));
        });

    private static DetectFacesResponse Detect(SourceImage source, OperationLimits limits, AiModels models, string name)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.FaceSize);
        var detector = models.Faces(FaceDetectorKinds.Parse(name));
        var faces = models.Run(detector.Model, () => detector.Detect(copy.Pixels))
            .OrderByDescending(f => f.Score)
            .Select(f => new DetectedFaceResponse(BoxResponse.Of(copy.ToOriginal(f.Box)), f.Score,
                f.Landmarks?.Select(l => copy.ToOriginal(l)).Select(l => new PointResponse(BoxResponse.Round(l.X), BoxResponse.Round(l.Y))).ToList()))
            .ToList();
        return new DetectFacesResponse(copy.OriginalWidth, copy.OriginalHeight, name, ModelResponse.Of(detector.Model), faces);
    }
}
