using Microsoft.Extensions.Options;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Operations;
using VisionAspire.Api.People;
using VisionAspire.Operations;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.Inference;

public static class RecognizeApi
{
    public const int MaxTop = 10;

    private static readonly ParameterSpec Top = ParameterSpec.Integer("top", 1, MaxTop, "Most people listed per face.", 3);

    private static readonly ParameterSpec Threshold = ParameterSpec.Number("threshold", -1, 1,
        "Cosine similarity from which a person counts as a match; below it the face is 'unknown'. Default: Vision:Recognition:DefaultThreshold (0.5, measured; docs/face-recognition.md).");

    private static readonly RecognizeResponse Example = new(1024, 769, new ModelResponse("yunet-2023mar", "git-2b5e61d"),
        new ModelResponse("mobilefacenet", "git-408e13c"), 3, 0.5f,
    [
        new(0, new BoxResponse(497.3f, 118.2f, 176.6f, 231.4f), 0.94f,
            [new(540.1f, 211.5f), new(618.9f, 207.2f), new(581.7f, 250.3f), new(552.2f, 291.8f), new(612.4f, 288.6f)],
            FaceStatuses.Identified, null, [new(Guid.Parse("0193a1f2-7c4e-7b55-9a4e-2f6d1c0b9e11"), "Ada", 0.93f)]),
    ]);

    public static RouteHandlerBuilder MapRecognizeApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/recognize", HandleAsync)
            .WithName("Recognize")
            .WithSummary("Identify the faces of an image against the people gallery")
            .WithDescription("Detects faces (YuNet, on a copy at most 1280 px a side), aligns each to the ArcFace template and embeds it " +
                "(MobileFaceNet); faces under Vision:Recognition:Quality:MinFaceSize px or too blurry are 'unusable'. Each usable face is " +
                "compared with every enrolled face of the same embedding model (exact cosine) and answers up to `top` people at or above " +
                "`threshold`, or 'unknown'. Only the caller's people are candidates (an admin's: everyone's).")
            .WithImageInput()
            .WithQueryParameters([Top, Threshold])
            .DisableAntiforgery()
            .WithAiProblems<RecognizeResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, FaceRecognition recognition, FaceIdentifier identifier,
        IOptions<RecognizeOptions> options) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, [Top, Threshold], "recognize");
            var top = arguments.Int(Top) ?? 3;
            var threshold = (float?)arguments.Number(Threshold) ?? options.Value.DefaultThreshold;
            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            var image = await recognition.RecognizeAsync(source, http.RequestAborted);
            var identified = await identifier.IdentifyAsync(image, top, threshold, http.User.OwnerScope(), http.RequestAborted);

            var faces = identified.Select(f => new RecognizedFaceResponse(f.Index, BoxResponse.Of(f.Face.Detection.Box), f.Face.Detection.Score,
                FacePoints.Of(f.Face.Detection), f.Status, FaceStatuses.Reason(f.Face.Unusable),
                f.Matches.Select(m => new PersonMatchResponse(m.PersonId, m.Name, m.Similarity)).ToList())).ToList();
            return TypedResults.Ok(new RecognizeResponse(image.Width, image.Height, ModelResponse.Of(image.Detector),
                ModelResponse.Of(image.Embedder), top, threshold, faces));
        });
}
